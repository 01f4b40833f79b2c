import type { App as OpsPilotApp } from '$runtime/app/open-app';
import type { Logger } from '$runtime/observability/logger';
import type { RequestUser } from '$lib/server/trpc/context';

declare global {
  namespace App {
    interface Error {
      message: string;
      requestId?: string;
    }
    interface Locals {
      requestId: string;
      log: Logger;
      app: OpsPilotApp;
      user: RequestUser | null;
    }
  }
}

export {};
