/**
 * `npm run users -- add NAME --role editor | list | remove NAME | role NAME ROLE`: the people who
 * may use this Dossier. Tokens are printed once; the users file keeps only their scrypt hashes,
 * outside Neo4j (DOSSIER_USERS_FILE, default .data/users.json). A running server picks up every
 * change with its next request.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { issueToken } from '../auth/tokens.js';
import {
  addUser,
  invalidName,
  isRole,
  readUsersFile,
  ROLES,
  UsersFileError,
  writeUsersFile,
} from '../auth/users-file.js';

const USAGE = `Usage: npm run users -- <command>

  add NAME [--role reader|editor|admin]   add a person (default role: editor) and print their token once
  list                                    the people, their roles and when they were added
  remove NAME                             remove a person; their token stops working at once
  role NAME reader|editor|admin           change a person's role
  token NAME                              replace a person's token (the old one stops working)

Roles: reader (reads only), editor (adds and changes facts), admin (also manages users).
Users live in DOSSIER_USERS_FILE (default .data/users.json), never in Neo4j. Once one user
exists, every request needs a token, also on 127.0.0.1; DOSSIER_TOKEN keeps working as an admin.`;

class UsageError extends Error {}

function need(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`Give ${what}.`);
  return value;
}

async function run(argv: string[], usersFile: string): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { role: { type: 'string' }, help: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    console.log(USAGE);
    return;
  }
  const file = readUsersFile(usersFile);
  const find = (name: string) => {
    const user = file.users.find((u) => u.name === name);
    if (!user) {
      throw new UsageError(
        `No user "${name}" in ${usersFile}. npm run users -- list shows who there is.`,
      );
    }
    return user;
  };
  const printToken = (name: string, token: string): void => {
    console.log(token);
    console.error(
      `This is ${name}'s token; it is shown only this once. Send it as "Authorization: Bearer <token>", or open /?token=<token> once in the browser.`,
    );
  };

  switch (command) {
    case 'add': {
      const name = need(rest[0], "the new user's name: npm run users -- add NAME --role editor");
      const role = values.role ?? 'editor';
      if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
      const problem = invalidName(name);
      if (problem) throw new UsageError(problem);
      if (file.users.some((u) => u.name === name)) {
        throw new UsageError(
          `"${name}" exists already. Use "role ${name} ${role}" to change the role, or "token ${name}" for a new token.`,
        );
      }
      const token = await addUser(usersFile, name, role);
      console.error(`Added ${name} (${role}) to ${usersFile}.`);
      printToken(name, token);
      return;
    }
    case 'list': {
      if (file.users.length === 0) {
        console.log(`No users in ${usersFile}: on 127.0.0.1 the local user is an editor.`);
        return;
      }
      for (const u of file.users) console.log(`${u.name}\t${u.role}\tadded ${u.createdAt}`);
      return;
    }
    case 'remove': {
      const user = find(need(rest[0], 'the name of the user to remove'));
      file.users = file.users.filter((u) => u !== user);
      writeUsersFile(usersFile, file);
      console.error(`Removed ${user.name}; their token no longer works.`);
      return;
    }
    case 'role': {
      const user = find(need(rest[0], 'a name and a role: npm run users -- role NAME editor'));
      const role = need(rest[1] ?? values.role, `${user.name}'s new role (${ROLES.join(', ')})`);
      if (!isRole(role)) throw new UsageError(`The role must be one of ${ROLES.join(', ')}.`);
      user.role = role;
      writeUsersFile(usersFile, file);
      console.error(`${user.name} is now ${role}.`);
      return;
    }
    case 'token': {
      const user = find(need(rest[0], 'the name of the user who needs a new token'));
      const issued = await issueToken();
      Object.assign(user, { tokenId: issued.id, salt: issued.salt, hash: issued.hash });
      writeUsersFile(usersFile, file);
      printToken(user.name, issued.token);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function main(argv: string[]): Promise<number> {
  let usersFile: string;
  try {
    usersFile = loadConfig().access.usersFile;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  try {
    await run(argv, usersFile);
    return 0;
  } catch (err) {
    if (err instanceof UsersFileError) {
      console.error(err.message);
      return 1;
    }
    if (
      err instanceof UsageError ||
      (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('users failed:', err);
    process.exit(1);
  },
);
