import { sendFirstRequests } from './app/first-requests.js';

// The page's first script (client/vite.config.ts puts it in index.html before the explorer's):
// small, so the first page's requests leave while the explorer's code is still downloading and
// compiling; main.ts takes their answers.
sendFirstRequests(location);
