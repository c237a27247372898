import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Role } from '../graphql/context.js';
import { issueToken } from './tokens.js';

/**
 * The people who may use this Dossier, kept in a JSON file outside Neo4j: the Cypher console can
 * read the whole database, so nothing about tokens may live there. The file holds only each
 * token's id, salt and scrypt hash, and is written owner-only (0600).
 */

export const ROLES = ['reader', 'editor', 'admin'] as const satisfies readonly Role[];

/** Names the server itself uses as authors (the local user, the DOSSIER_TOKEN holder). */
export const RESERVED_NAMES = ['local', 'admin'];

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@'-]{0,63}$/u;

const userSchema = z.object({
  name: z.string().regex(NAME),
  role: z.enum(ROLES),
  tokenId: z.string().regex(/^[0-9a-f]{12}$/),
  salt: z.string().min(1),
  hash: z.string().min(1),
  createdAt: z.string(),
});

const fileSchema = z.object({
  version: z.literal(1),
  users: z.array(userSchema),
});

export type UserRecord = z.infer<typeof userSchema>;
export type UsersFile = z.infer<typeof fileSchema>;

export class UsersFileError extends Error {
  override name = 'UsersFileError';
}

/** The users in `path`; an absent file means none. Throws UsersFileError when it is malformed. */
export function readUsersFile(path: string): UsersFile {
  if (!existsSync(path)) return { version: 1, users: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsersFileError(`${path} is not valid JSON (${(err as Error).message}).`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsersFileError(
      `${path} is not a Dossier users file (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}). Fix or remove it, then add the users again with npm run users -- add.`,
    );
  }
  return parsed.data;
}

/** Replaces the file at once (write, then rename), readable by its owner only. */
export function writeUsersFile(path: string, file: UsersFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** Why `name` cannot be a user's name, or undefined when it can. */
export function invalidName(name: string): string | undefined {
  if (!NAME.test(name)) {
    return `"${name}" is not a usable name: 1 to 64 letters, digits, spaces or . _ @ ' -, starting with a letter or digit.`;
  }
  if (RESERVED_NAMES.includes(name.toLowerCase())) {
    return `"${name}" is reserved (the local user and the DOSSIER_TOKEN holder appear under it in the history); choose another name.`;
  }
  return undefined;
}

/** True when `role` is one of reader, editor, admin. */
export function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

/** The number of users in the file at `path` (0 when there is none); used at start-up. */
export function countUsers(path: string): number {
  try {
    return readUsersFile(path).users.length;
  } catch {
    // A malformed file must not let the server start open to the network; it starts closed.
    return 1;
  }
}

/**
 * Adds a person to the users file with a new token and returns the token (the only time it is
 * seen: the file keeps its hash). Callers check the name and that it is not taken.
 */
export async function addUser(path: string, name: string, role: Role): Promise<string> {
  const issued = await issueToken();
  const file = readUsersFile(path);
  file.users.push({
    name,
    role,
    tokenId: issued.id,
    salt: issued.salt,
    hash: issued.hash,
    createdAt: new Date().toISOString(),
  });
  writeUsersFile(path, file);
  return issued.token;
}
