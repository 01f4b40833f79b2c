import type { App } from '$runtime/app/open-app';
import type { Logger } from '$runtime/observability/logger';
import type { Role } from '$runtime/store/schema';

export interface RequestUser {
  readonly id: string | null;
  readonly name: string;
  readonly role: Role;
}

/** What every procedure sees: the opened app, the request's logger and correlation id, the user. */
export interface Context {
  readonly app: App;
  readonly log: Logger;
  readonly requestId: string;
  readonly user: RequestUser | null;
}
