import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; `apt-get install chromium` (never a downloaded browser build). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Headless Chromium with the flags that keep it quiet and offline, for the e2e tests and the
 * render bench; `extraArgs` for runs that need more (e.g. SwiftShader WebGL).
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    // A failure, not a skip: `npm test` must not pass on a machine that never ran the explorer.
    throw new Error(
      `No Chromium at ${CHROMIUM}, so the end-to-end tests cannot run. Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary; npm run test:unit and npm run test:int run the other suites without it.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}
