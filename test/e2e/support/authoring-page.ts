import type { Locator, Page } from 'playwright-core';
import type { Database } from '../../../server/db/database.js';
import { serveApp, type RunningApp } from './app-server.js';

/**
 * Page helpers the authoring e2e files share (the story, Movies and POLE journeys): GraphQL from
 * the test, selecting a passage, moving focus with Tab, choosing in a node picker, and the checks
 * of accessible names and dark-theme contrast.
 */

/** The app on `db` (already filled by the caller); close() empties the database. */
export function serveClientCopy(db: Database): Promise<RunningApp> {
  return serveApp(db, { emptyOnClose: true });
}

/** A GraphQL request to the app (as the local editor, or with a token); throws on errors. */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(`${url}graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

/** Selects `quote` in the source text the page shows, as a person dragging over it would. */
export async function selectInSource(page: Page, sourceId: string, quote: string): Promise<void> {
  await page.evaluate(
    ({ id, q }) => {
      const root = document.querySelector(`.article-text[data-article-id="${id}"]`);
      if (!root) throw new Error('no source text on the page');
      const start = (root.textContent ?? '').indexOf(q);
      if (start < 0) throw new Error(`“${q}” is not in the source text`);
      const end = start + q.length;
      const range = document.createRange();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let pos = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent?.length ?? 0;
        if (pos <= start && start < pos + len) range.setStart(n, start - pos);
        if (pos < end && end <= pos + len) range.setEnd(n, end - pos);
        pos += len;
      }
      const sel = document.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    },
    { id: sourceId, q: quote },
  );
}

/**
 * Selects `quote` in the source and opens Cite… on it, as a person would; with `kind`, chooses
 * what the citation makes (relationship, property …) in the dialog.
 */
export async function openCite(
  page: Page,
  sourceId: string,
  quote: string,
  kind?: string,
): Promise<void> {
  await selectInSource(page, sourceId, quote);
  await page.click('[data-testid="cite-selection"]');
  await page.waitForSelector('#cite-dialog[open]');
  if (kind !== undefined) await page.selectOption('[data-testid="cite-kind"]', kind);
}

/** Saves the cite dialog and waits until it has closed (saved). */
export async function saveCite(page: Page): Promise<void> {
  await page.click('[data-testid="cite-save"]');
  await page.waitForSelector('#cite-dialog[open]', { state: 'hidden' });
}

/** Presses Tab until the focused element matches `selector` (proves it is reachable by Tab). */
export async function tabTo(page: Page, selector: string, most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} was not reached with ${most} presses of Tab`);
}

/**
 * Chooses the option of a node picker whose text contains `option` (e.g. "ByteDance
 * :Organization"): by keyboard (↓ until it is the active option, then Enter) or by a click.
 */
export async function pickNode(
  page: Page,
  testId: string,
  option: string,
  how: { click?: boolean } = {},
): Promise<void> {
  const target = page
    .locator(`.picker:has([data-testid="${testId}"]) [role="option"]`)
    .filter({ hasText: option })
    .first();
  await target.waitFor();
  if (how.click) {
    await target.click();
    return;
  }
  const id = await target.getAttribute('id');
  const input = page.locator(`[data-testid="${testId}"]`);
  for (let i = 0; i < 10; i++) {
    if ((await input.getAttribute('aria-activedescendant')) === id) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

const CONTROL_ROLES =
  'button|textbox|combobox|listbox|checkbox|radio|link|searchbox|slider|spinbutton|switch|tab|menuitem|option';

/** The controls in `root`'s accessibility tree that have no accessible name (none should). */
export async function unnamedControls(root: Locator): Promise<string[]> {
  const tree = await root.ariaSnapshot();
  const unnamed = new RegExp(`^\\s*- (${CONTROL_ROLES})(\\s*\\[[^\\]]*\\])*:?\\s*$`);
  return tree.split('\n').filter((line) => unnamed.test(line));
}

/** One element's text against what is behind it. */
export interface Contrast {
  readonly selector: string;
  readonly text: string;
  readonly ratio: number;
}

/**
 * The WCAG contrast ratio of the text of each visible element matching each selector (up to three
 * per selector) against its effective background (the element's and its ancestors' backgrounds,
 * composited), from getComputedStyle. A selector that matches nothing visible reports 0, so a
 * renamed class cannot pass unseen.
 */
export async function contrastReport(
  page: Page,
  selectors: readonly string[],
): Promise<Contrast[]> {
  return page.evaluate((list) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [
        top[0] * a + under[0] * (1 - a),
        top[1] * a + under[1] * (1 - a),
        top[2] * a + under[2] * (1 - a),
        1,
      ];
    };
    const background = (el: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let out: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) out = over(layer, out);
      return out;
    };
    const lum = ([r, g, b]: Rgba): number => {
      const ch = (v: number): number => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const out: { selector: string; text: string; ratio: number }[] = [];
    for (const selector of list) {
      const els = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (el) =>
          el.getClientRects().length > 0 &&
          (el.matches('input, textarea, select') || (el.textContent ?? '').trim() !== ''),
      );
      if (els.length === 0) out.push({ selector, text: '(nothing visible)', ratio: 0 });
      for (const el of els.slice(0, 3)) {
        const bg = background(el);
        const fg = over(parse(getComputedStyle(el).color), bg);
        const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
        out.push({
          selector,
          text: (el.textContent || (el as HTMLInputElement).value || '').trim().slice(0, 30),
          ratio: (hi + 0.05) / (lo + 0.05),
        });
      }
    }
    return out;
  }, selectors);
}

/**
 * Elements inside `root` (visible, with an opaque-enough background) whose background is light:
 * in the dark theme, a colour hard-coded for the light theme (or a browser default) shows as one.
 */
export async function lightBackgrounds(page: Page, root: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const rootEl = document.querySelector(sel);
    if (!rootEl) return [`${sel} is not on the page`];
    const lum = (c: string): number => {
      const [r = 0, g = 0, b = 0] = c.match(/[\d.]+/g)?.map(Number) ?? [];
      const ch = (v: number): number => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const out: string[] = [];
    for (const el of [rootEl, ...rootEl.querySelectorAll('*')]) {
      if (el.getClientRects().length === 0) continue;
      const bg = getComputedStyle(el).backgroundColor;
      const alpha = Number(bg.match(/[\d.]+/g)?.[3] ?? 1);
      if (alpha > 0.5 && lum(bg) > 0.4) {
        out.push(
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} ${bg}`,
        );
      }
    }
    return out;
  }, root);
}
