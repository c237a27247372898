import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * A person's access token is `<id>.<secret>`: the id (public, stored) says whose token it is, so a
 * request costs one scrypt at most, not one per user; the secret (32 random bytes) is shown once
 * and only its salted scrypt hash is kept.
 */
export interface IssuedToken {
  /** What the person sends: shown once, never stored. */
  readonly token: string;
  readonly id: string;
  /** base64 */
  readonly salt: string;
  /** base64 scrypt(secret, salt) */
  readonly hash: string;
}

/** scrypt's cost: Node's defaults (N=2^14, r=8, p=1), about 50 ms on a small machine. */
const SCRYPT: ScryptOptions = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A new token for a person, with what is stored about it. */
export async function issueToken(): Promise<IssuedToken> {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  const hash = await derive(secret, salt);
  return {
    token: `${id}.${secret}`,
    id,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

/** Splits a presented token into its id and secret; undefined when it has not that shape. */
export function parseToken(token: string): { id: string; secret: string } | undefined {
  const match = /^([0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1] as string, secret: match[2] as string } : undefined;
}

/** True when secret hashes to the stored hash (compared in constant time). */
export async function verifySecret(
  secret: string,
  stored: { salt: string; hash: string },
): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(secret, Buffer.from(stored.salt, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
