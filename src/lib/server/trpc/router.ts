import { createCallerFactory, router } from './init';
import { authRouter, usersRouter } from './routers/accounts';
import { auditRouter } from './routers/audit';
import { datasetsRouter } from './routers/datasets';
import { lineageRouter } from './routers/lineage';
import { breaksRouter } from './routers/breaks';
import { systemRouter } from './routers/overview';
import { runsRouter } from './routers/runs';
import { templatesRouter } from './routers/templates';
import { templateVersionsRouter } from './routers/template-versions';
import { workingDraftsRouter } from './routers/working-drafts';

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
  workingDrafts: workingDraftsRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process, with a given context: for tests and server-side page loads. */
export const createCaller = createCallerFactory(appRouter);
