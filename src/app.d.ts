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
      /** The signed-in user, from the session cookie; null without a valid session. */
      user: RequestUser | null;
      /** When the session ends: absolutely, and if left unused. */
      session: { expiresAt: Date; idleExpiresAt: Date } | null;
    }
  }
}

export {};
