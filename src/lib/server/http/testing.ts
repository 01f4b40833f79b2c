import { Writable } from 'node:stream';
import { isRedirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { createLogger, type Logger } from '$runtime/observability/logger';

/**
 * Drives the request hook in-process, as a browser would: one cookie jar across requests, real
 * Request objects, the route's own handler as `resolve`. For tests of the hook, the sign-in
 * flows and log hygiene without building the studio.
 */
export const ORIGIN = 'http://studio.test';

export interface CapturedLogs {
  readonly logger: Logger;
  readonly text: () => string;
}

/** A logger writing every line (trace and up) to memory. */
export function captureLogs(): CapturedLogs {
  let out = '';
  const destination = new Writable({ write(chunk, _enc, done) { out += chunk; done(); } });
  return { logger: createLogger({ level: 'trace', destination }), text: () => out };
}

export interface Browserish {
  readonly jar: Map<string, string>;
  /** Every Set-Cookie the server asked for, with its options. */
  readonly setCookies: { name: string; value: string; options: Record<string, unknown> }[];
  request(input: {
    method?: string; path: string; routeId?: string; headers?: Record<string, string>;
    /** The route's handler (an endpoint's POST, or a form action via runAction): any event type. */
    body?: BodyInit; resolve?: (event: never) => Response | Promise<Response>;
  }): Promise<{ status: number; location?: string; response?: Response; event: RequestEvent; resolved: boolean }>;
}

export function browserish({ handle, origin = ORIGIN, clientAddress = '203.0.113.5' }: { handle: Handle; origin?: string; clientAddress?: string }): Browserish {
  const jar = new Map<string, string>();
  const setCookies: Browserish['setCookies'] = [];
  return {
    jar,
    setCookies,
    async request({ method = 'GET', path, routeId, headers = {}, body, resolve }) {
      const url = new URL(path, origin);
      const cookieHeader = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const request = new Request(url, { method, headers: { ...(cookieHeader ? { cookie: cookieHeader } : {}), ...headers }, body });
      const cookies = {
        get: (name: string) => jar.get(name),
        getAll: () => [...jar].map(([name, value]) => ({ name, value })),
        set: (name: string, value: string, options: Record<string, unknown>) => { jar.set(name, value); setCookies.push({ name, value, options }); },
        delete: (name: string, options: Record<string, unknown>) => { jar.delete(name); setCookies.push({ name, value: '', options }); },
        serialize: () => '',
      };
      const event = {
        request, url, params: {}, route: { id: routeId ?? url.pathname }, locals: {}, cookies,
        getClientAddress: () => clientAddress, isDataRequest: false, isSubRequest: false,
        setHeaders: () => {}, fetch, platform: undefined,
      } as unknown as RequestEvent;
      let resolved = false;
      try {
        const response = await handle({
          event,
          resolve: async (e) => {
            resolved = true;
            try {
              return await (resolve ? resolve(e as never) : new Response('ok'));
            } catch (err) {
              if (isRedirect(err)) return new Response(null, { status: err.status, headers: { location: err.location } });
              throw err;
            }
          },
        });
        return { status: response.status, location: response.headers.get('location') ?? undefined, response, event, resolved };
      } catch (err) {
        if (isRedirect(err)) return { status: err.status, location: err.location, event, resolved };
        throw err;
      }
    },
  };
}

/** Turns a form action's result into a response, as SvelteKit does for a plain form post. */
export async function runAction(action: (event: never) => unknown, event: RequestEvent): Promise<Response> {
  const result = await action(event as never);
  const failure = result as { status?: number; data?: unknown } | undefined;
  if (failure && typeof failure.status === 'number' && failure.status >= 400) return Response.json(failure.data ?? null, { status: failure.status });
  return Response.json(result ?? null);
}

export function form(fields: Record<string, string>): { body: URLSearchParams; headers: Record<string, string> } {
  return { body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}
