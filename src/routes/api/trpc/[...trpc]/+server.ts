import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '$lib/server/trpc/router';
import type { RequestHandler } from './$types';

const handler: RequestHandler = (event) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req: event.request,
    router: appRouter,
    createContext: () => ({ app: event.locals.app, log: event.locals.log, requestId: event.locals.requestId, user: event.locals.user }),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') event.locals.log.error({ err: error.cause ?? error, path }, 'procedure failed');
    },
  });

export const GET = handler;
export const POST = handler;
