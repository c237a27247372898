import { createHash, timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Actor } from '../graphql/context.js';
import { LOCAL_ACTOR } from '../graphql/context.js';
import { parseToken, verifySecret } from './tokens.js';
import { readUsersFile, UsersFileError, type UserRecord } from './users-file.js';

/** The holder of DOSSIER_TOKEN: may do everything, recorded as "admin". */
export const TOKEN_ADMIN: Actor = { name: 'admin', role: 'admin' };

export interface AccessOptions {
  /** DOSSIER_TOKEN, when set. */
  readonly token: string | undefined;
  /** Where the users live (server/auth/users-file.ts). */
  readonly usersFile: string;
  /** True when the server listens on loopback only. */
  readonly loopback: boolean;
  /** Told once when the users file cannot be read (the server then admits only DOSSIER_TOKEN). */
  readonly onFileError?: (err: Error) => void;
}

/** Who may use the server, and as whom a request acts. */
export interface Access {
  /** True when every request must present a token (a token or users are configured, or not loopback). */
  required(): boolean;
  /** The actor a presented credential stands for; undefined when it stands for nobody. */
  actorFor(credential: string | undefined): Promise<Actor | undefined>;
}

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Verified tokens kept per process, so scrypt runs once per token and not once per request. */
const MAX_CACHED = 10_000;

/**
 * Access from DOSSIER_TOKEN and the users file. The file is read again whenever it changes on
 * disk (npm run users while the server runs), so added, removed and re-roled users apply to the
 * next request.
 */
export function createAccess(options: AccessOptions): Access {
  let users: readonly UserRecord[] = [];
  let fileBroken = false;
  let seen = '';
  const verified = new Map<string, UserRecord>();
  const tokenDigest = options.token === undefined ? undefined : sha256(options.token);

  const load = (): void => {
    let stamp = 'absent';
    try {
      // Checked on every request (twice): without throwIfNoEntry an absent file (the usual case on
      // one person's machine) cost an ENOENT Error with its stack each time, 2 % of the API's CPU.
      const st = statSync(options.usersFile, { throwIfNoEntry: false });
      if (st) stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
    } catch {
      // unreadable directory: treated as absent
    }
    if (stamp === seen) return;
    seen = stamp;
    verified.clear();
    try {
      users = readUsersFile(options.usersFile).users;
      fileBroken = false;
    } catch (err) {
      users = [];
      fileBroken = true;
      if (err instanceof UsersFileError) options.onFileError?.(err);
      else throw err;
    }
  };

  return {
    required() {
      load();
      return !options.loopback || tokenDigest !== undefined || users.length > 0 || fileBroken;
    },
    async actorFor(credential) {
      load();
      if (!(!options.loopback || tokenDigest !== undefined || users.length > 0 || fileBroken)) {
        return LOCAL_ACTOR;
      }
      if (credential === undefined || credential === '') return undefined;
      const digest = sha256(credential);
      if (tokenDigest !== undefined && timingSafeEqual(digest, tokenDigest)) return TOKEN_ADMIN;
      const parsed = parseToken(credential);
      if (!parsed) return undefined;
      const key = digest.toString('base64');
      const cached = verified.get(key);
      const user = users.find((u) => u.tokenId === parsed.id);
      if (!user) return undefined;
      // A cached verification counts only while the user still holds the same hash.
      if (cached !== undefined && cached.hash === user.hash)
        return { name: user.name, role: user.role };
      if (!(await verifySecret(parsed.secret, user))) return undefined;
      if (verified.size >= MAX_CACHED) verified.clear();
      verified.set(key, user);
      return { name: user.name, role: user.role };
    },
  };
}
