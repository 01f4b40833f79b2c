import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with node:crypto scrypt. The stored form carries its parameters, so they can
 * be raised later without invalidating existing hashes (see `needsRehash`):
 *
 *   scrypt$ln=15,r=8,p=1$<salt, base64>$<64-byte key, base64>
 *
 * N = 2^15 (ln=15), r = 8, p = 1 costs 32 MiB and about 100 ms per hash; the salt is 16 random
 * bytes; comparison is constant-time. Passwords are never stored, logged or returned.
 */
export const SCRYPT_PARAMS = Object.freeze({ ln: 15, r: 8, p: 1, saltBytes: 16, keyBytes: 64 });
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

interface Params { readonly ln: number; readonly r: number; readonly p: number }

function scrypt(password: string, salt: Buffer, keyBytes: number, { ln, r, p }: Params): Promise<Buffer> {
  const N = 2 ** ln;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, keyBytes, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword({ password }: { password: string }): Promise<string> {
  const salt = randomBytes(SCRYPT_PARAMS.saltBytes);
  const key = await scrypt(password, salt, SCRYPT_PARAMS.keyBytes, SCRYPT_PARAMS);
  const { ln, r, p } = SCRYPT_PARAMS;
  return `scrypt$ln=${ln},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface Parsed extends Params { readonly salt: Buffer; readonly key: Buffer }

function parse(stored: string): Parsed | undefined {
  const m = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return undefined;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (ln < 10 || ln > 22 || r < 1 || p < 1) return undefined;
  return { ln, r, p, salt: Buffer.from(m[4], 'base64'), key: Buffer.from(m[5], 'base64') };
}

/** True when the password matches. A malformed stored hash never matches. */
export async function verifyPassword({ password, stored }: { password: string; stored: string }): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.key.length < 16) return false;
  const key = await scrypt(password, parsed.salt, parsed.key.length, parsed);
  return timingSafeEqual(key, parsed.key);
}

/** A hash made with weaker parameters than today's: re-hash it at the next successful sign-in. */
export function needsRehash({ stored }: { stored: string }): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.ln < SCRYPT_PARAMS.ln || parsed.r < SCRYPT_PARAMS.r || parsed.key.length < SCRYPT_PARAMS.keyBytes;
}

/** A fixed hash to verify against when the account does not exist, so timing does not tell. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword({ password: randomBytes(18).toString('base64') });
  return decoy;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem({ password, email }: { password: string; email?: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password needs at least ${MIN_PASSWORD_LENGTH} characters; a short phrase of several words is easy to remember.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password is longer than ${MAX_PASSWORD_LENGTH} characters.`;
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0]) && email.split('@')[0].length >= 4) {
    return 'The password contains the email name; choose one that does not.';
  }
  if (new Set(password).size < 4) return 'The password repeats too few characters; choose a less predictable one.';
  return null;
}
