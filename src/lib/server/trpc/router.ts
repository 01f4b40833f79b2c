import { createCallerFactory, router } from './init';
import { datasetsRouter } from './routers/datasets';
import { breaksRouter, runsRouter, systemRouter, templatesRouter } from './routers/overview';

export const appRouter = router({
  datasets: datasetsRouter,
  templates: templatesRouter,
  runs: runsRouter,
  breaks: breaksRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process, with a given context: for tests and server-side page loads. */
export const createCaller = createCallerFactory(appRouter);
