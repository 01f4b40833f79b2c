import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { version } from '../../../package.json';
import type { RequestHandler } from './$types';

/** Liveness and readiness: pings the database. */
export const GET: RequestHandler = async ({ locals }) => {
  const { db, dbKind } = locals.app;
  try {
    await sql`select 1`.execute(db);
    return json({ ok: true, db: dbKind, version });
  } catch (e) {
    locals.log.error({ err: e }, 'health check failed');
    return json({ ok: false, db: dbKind, version, error: 'database unreachable' }, { status: 503 });
  }
};
