import { createCallerFactory, router } from './init';
import { authRouter, usersRouter } from './routers/accounts';
import { auditRouter } from './routers/audit';
import { datasetsRouter } from './routers/datasets';
import { lineageRouter } from './routers/lineage';
import { breaksRouter, runsRouter, systemRouter, templatesRouter } from './routers/overview';
import { templateVersionsRouter } from './routers/template-versions';

export const appRouter = router({
  datasets: datasetsRouter,
  templates: templatesRouter,
  runs: runsRouter,
  breaks: breaksRouter,
  system: systemRouter,
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  templateVersions: templateVersionsRouter,
  lineage: lineageRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process, with a given context: for tests and server-side page loads. */
export const createCaller = createCallerFactory(appRouter);
