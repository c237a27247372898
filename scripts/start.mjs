// `npm start`: install what is missing, build when the sources changed since the last build, then
// run the server's bundle (scripts/bundle-server.mjs) in this same process (so Ctrl-C and SIGTERM
// reach it directly). The server fetches Neo4j itself on the first run.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import './ensure-deps.mjs';
import { ensureBuild, SERVER_MAIN } from './fresh-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureBuild(root);
await import(pathToFileURL(join(root, SERVER_MAIN)).href);
