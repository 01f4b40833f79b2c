import type { App } from '$runtime/app/open-app';
import type { Actor } from '$runtime/auth/roles';
import type { Logger } from '$runtime/observability/logger';

/** The signed-in user as procedures see it (id null only for headless callers in tests). */
export type RequestUser = Actor;

/** What every procedure sees: the opened app, the request's logger and correlation id, the user. */
export interface Context {
  readonly app: App;
  readonly log: Logger;
  readonly requestId: string;
  readonly user: RequestUser | null;
}
