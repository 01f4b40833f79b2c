import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordProblem, SCRYPT_PARAMS, verifyPassword } from './password-hash';

describe('password hashing (scrypt)', () => {
  it('stores its parameters, a 16-byte salt and a 64-byte key; verifies only the right password', async () => {
    const stored = await hashPassword({ password: 'correct horse battery staple' });
    const [scheme, params, salt, key] = stored.split('$');
    expect(scheme).toBe('scrypt');
    expect(params).toBe(`ln=${SCRYPT_PARAMS.ln},r=8,p=1`);
    expect(SCRYPT_PARAMS.ln).toBeGreaterThanOrEqual(15);
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(key, 'base64')).toHaveLength(64);
    expect(stored).not.toContain('horse');
    expect(await verifyPassword({ password: 'correct horse battery staple', stored })).toBe(true);
    expect(await verifyPassword({ password: 'correct horse battery stapl', stored })).toBe(false);
    expect(needsRehash({ stored })).toBe(false);
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword({ password: 'same password here' }), hashPassword({ password: 'same password here' })]);
    expect(a).not.toBe(b);
  });

  it('verifies hashes made with weaker parameters, and asks for a re-hash', async () => {
    // What an older release with N=2^14 would have stored.
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const key = scryptSync('an older password', salt, 64, { N: 2 ** 14, r: 8, p: 1 });
    const old = `scrypt$ln=14,r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword({ password: 'an older password', stored: old })).toBe(true);
    expect(needsRehash({ stored: old })).toBe(true);
  });

  it('never matches a malformed stored hash', async () => {
    for (const stored of ['', 'plain', 'scrypt$ln=15,r=8,p=1$$', 'scrypt$ln=40,r=8,p=1$AAAA$AAAA', 'bcrypt$2b$10$abc']) {
      expect(await verifyPassword({ password: 'whatever it is', stored })).toBe(false);
    }
  });

  it('explains a weak new password', () => {
    expect(passwordProblem({ password: 'short' })).toMatch(/at least 12 characters/);
    expect(passwordProblem({ password: 'aaaaaaaaaaaaaaa' })).toMatch(/less predictable/);
    expect(passwordProblem({ password: 'ana.lyst-2026-spring', email: 'ana.lyst@firm.com' })).toMatch(/email name/);
    expect(passwordProblem({ password: 'a long and fine passphrase' })).toBeNull();
  });
});
