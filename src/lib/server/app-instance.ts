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

export function getApp(): Promise<App> {
  opening ??= (async () => {
    const config = readConfig();
    const app = await openApp({ config, logger });
    await seedDemoContent({ app, templatesDir: path.resolve(process.env.TEMPLATES_DIR ?? 'templates'), logger });
    return app;
  })();
  return opening;
}
