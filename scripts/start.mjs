// `npm start`: install what is missing, build, then run the server in this same process (so
// Ctrl-C and SIGTERM reach it directly). The server fetches Neo4j itself on the first run.
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
console.log('Building Dossier …');
execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
await import(pathToFileURL(join(root, 'dist', 'server', 'main.js')).href);
