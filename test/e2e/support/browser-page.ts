import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/chromium.js';

/** The viewports the e2e files use: most a wide desktop, the canvas-position files a smaller one. */
export const WIDE = { width: 1400, height: 900 };
export const DESKTOP = { width: 1280, height: 800 };

export interface BrowserPage {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
}

/**
 * One Chromium per file with one context and a page in it: how every e2e file starts, in one
 * place. Page errors (uncaught exceptions in the app) go into `errors`, which the files check at
 * the end; `clipboardFor` lets the page at that origin read and write the clipboard.
 */
export async function openBrowser(
  options: {
    viewport?: { width: number; height: number };
    errors?: string[];
    clipboardFor?: string;
    acceptDownloads?: boolean;
  } = {},
): Promise<BrowserPage> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: options.viewport ?? WIDE,
      ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
    });
    if (options.clipboardFor !== undefined) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: options.clipboardFor,
      });
    }
    const page = await context.newPage();
    const errors = options.errors;
    if (errors) page.on('pageerror', (e) => errors.push(e.message));
    return { browser, context, page };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * Opens the app at url and waits until the explorer says it is ready (its first graph drawn);
 * with `editor`, also until the page knows it may write.
 */
export async function openApp(
  page: Page,
  url: string,
  options: { timeout?: number; editor?: boolean } = {},
): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: options.timeout ?? 120_000 });
  if (options.editor) await page.waitForSelector('body[data-role="editor"]');
}
