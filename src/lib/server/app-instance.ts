import path from 'node:path';
import { openApp, type App } from '$runtime/app/open-app';
import { seedDemoContent } from '$runtime/app/seed';
import { readConfig } from '$runtime/config';
import { createLogger } from '$runtime/observability/logger';
import { createMetrics } from '$runtime/observability/metrics';

/** One app, logger and metrics registry per server process. */
export const logger = createLogger();
export const metrics = createMetrics();

let opening: Promise<App> | undefined;

// adapter-node emits this once the HTTP server has drained; closing the database lets the
// process exit and PGlite flush its files, so a restart finds every committed row.
process.once('sveltekit:shutdown' as 'exit', () => {
  void opening?.then((app) => app.close()).catch((err) => logger.error({ err }, 'closing the database failed'));
});

// A user's file or formula must never take the server down: a stray rejection is logged, not fatal.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

export function getApp(): Promise<App> {
  opening ??= (async () => {
    const config = readConfig();
    const app = await openApp({ config, logger });
    await seedDemoContent({ app, templatesDir: path.resolve(process.env.TEMPLATES_DIR ?? 'templates'), logger });
    return app;
  })();
  return opening;
}
