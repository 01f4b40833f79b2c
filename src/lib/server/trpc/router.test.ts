import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '$runtime/app/open-app';
import { openTestApp } from '$runtime/app/testing';
import { createLogger } from '$runtime/observability/logger';
import type { Role } from '$runtime/store/schema';
import { ROLES } from './roles';
import { appRouter, createCaller } from './router';

type AnyProcedure = { _def: { meta?: { minRole?: Role } } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

function call(app: App, role: Role | null, path: string) {
  const caller = createCaller({ app, log: createLogger({ level: 'silent' }), requestId: 't', user: role ? { id: null, name: role, role } : null });
  const fn = path.split('.').reduce<any>((node, key) => node[key], caller);
  return fn(undefined);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (e) {
    return e instanceof TRPCError ? e.code : `THREW ${(e as Error).message}`;
  }
}

describe('the API router', () => {
  let app: App;
  beforeAll(async () => { app = await openTestApp(); });
  afterAll(async () => { await app?.close(); });

  it('has procedures, each declaring its minimum role', () => {
    expect(procedures.length).toBeGreaterThan(0);
    const undeclared = procedures.filter(([, p]) => !ROLES.includes(p._def.meta?.minRole as Role)).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('refuses every procedure without a session: UNAUTHORIZED', async () => {
    for (const [path] of procedures) expect([path, await codeOf(call(app, null, path))]).toEqual([path, 'UNAUTHORIZED']);
  });

  it('refuses every procedure to the role just below its minimum: FORBIDDEN', async () => {
    for (const [path, p] of procedures) {
      const below = ROLES[ROLES.indexOf(p._def.meta!.minRole!) - 1];
      if (below) expect([path, await codeOf(call(app, below, path))]).toEqual([path, 'FORBIDDEN']);
    }
  });

  it('lets the minimum role through the role check', async () => {
    for (const [path, p] of procedures) {
      const code = await codeOf(call(app, p._def.meta!.minRole!, path));
      expect([path, code]).not.toEqual([path, 'FORBIDDEN']);
      expect([path, code]).not.toEqual([path, 'UNAUTHORIZED']);
    }
  });

  it('says NOT_FOUND with a remedy for a dataset that does not exist', async () => {
    const caller = createCaller({ app, log: createLogger({ level: 'silent' }), requestId: 't', user: { id: null, name: 'v', role: 'viewer' } });
    await expect(caller.datasets.get({ id: '00000000-0000-0000-0000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Data page/) });
    await expect(caller.datasets.rows({ id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
