/**
 * Sign-in and session policy, from the environment (documented in the README):
 *
 * | variable                     | default | meaning                                            |
 * |------------------------------|---------|----------------------------------------------------|
 * | SESSION_IDLE_MINUTES         | 30      | a session unused this long is signed out           |
 * | SESSION_ABSOLUTE_HOURS       | 12      | a session ends this long after sign-in, used or not |
 * | SIGN_IN_MAX_FAILURES         | 5       | failures per email address before a lockout        |
 * | SIGN_IN_MAX_FAILURES_PER_IP  | 20      | failures from one address before a lockout         |
 * | SIGN_IN_WINDOW_MINUTES       | 15      | failures older than this are forgotten             |
 * | SIGN_IN_LOCKOUT_MINUTES      | 15      | how long a lockout lasts                           |
 * | TRUSTED_ORIGINS              | (none)  | extra origins allowed to POST (comma-separated)    |
 */
export interface AuthConfig {
  readonly idleMs: number;
  readonly absoluteMs: number;
  readonly maxFailuresPerEmail: number;
  readonly maxFailuresPerIp: number;
  readonly failureWindowMs: number;
  readonly lockoutMs: number;
  readonly trustedOrigins: readonly string[];
}

const MINUTE = 60_000;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const idleMs = positive(env, 'SESSION_IDLE_MINUTES', 30) * MINUTE;
  const absoluteMs = positive(env, 'SESSION_ABSOLUTE_HOURS', 12) * 60 * MINUTE;
  const trustedOrigins = (env.TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean).map((o) => {
    try {
      return new URL(o).origin;
    } catch {
      throw new Error(`TRUSTED_ORIGINS must list origins like https://ops.example.com, got ${JSON.stringify(o)}`);
    }
  });
  return {
    idleMs: Math.min(idleMs, absoluteMs),
    absoluteMs,
    maxFailuresPerEmail: Math.round(positive(env, 'SIGN_IN_MAX_FAILURES', 5)),
    maxFailuresPerIp: Math.round(positive(env, 'SIGN_IN_MAX_FAILURES_PER_IP', 20)),
    failureWindowMs: positive(env, 'SIGN_IN_WINDOW_MINUTES', 15) * MINUTE,
    lockoutMs: positive(env, 'SIGN_IN_LOCKOUT_MINUTES', 15) * MINUTE,
    trustedOrigins,
  };
}
