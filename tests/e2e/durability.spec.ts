import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../helpers/chromium';
import { createChapter } from './devices';

// Crash durability: a note-taker types, the page, its renderer or the whole browser dies at a
// random moment, and after reopening the same profile every text the header had shown as
// "Saved on this device" must be there. DURABILITY_RUNS kills (10 in npm test, 100 in test:long);
// DURABILITY_SEED picks other kill points (the seed is printed on failure).
const RUNS = Number(process.env.DURABILITY_RUNS ?? 10);
const SEED = Number(process.env.DURABILITY_SEED ?? 8);
const SAVED = 'Saved on this device';

type KillMode = 'close-page' | 'crash-renderer' | 'kill-browser';
const MODES: readonly KillMode[] = ['close-page', 'crash-renderer', 'kill-browser'];

/** mulberry32: a small seeded generator, so a failing schedule can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['motion', 'seconded', 'rota', 'banner', 'treasurer', 'vote', 'bookfair', 'agenda', 'zine', 'é', 'ünïcode', '—'];

/** The browser process of a persistent profile (the one without --type=), found by its profile dir. */
function browserPid(userDataDir: string): number | null {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => a === `--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(name);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

interface Session {
  context: BrowserContext;
  page: Page;
  /** Notes text at each moment the header said "Saved on this device", newest last. */
  readonly saved: string[];
}

async function launch(userDataDir: string, baseURL: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, args: chromiumArgs, baseURL });
}

/** Reports the notes text to the test every time the save state turns to "saved". */
async function watchSaves(context: BrowserContext, saved: string[]): Promise<void> {
  await context.exposeBinding('__durabilitySaved', (_source, text: string) => {
    saved.push(text);
  });
}

async function installObserver(page: Page): Promise<void> {
  await page.evaluate((savedLabel) => {
    const state = document.querySelector('[data-testid="save-state"]');
    const notes = document.querySelector<HTMLTextAreaElement>('[data-testid="chapter-notes"]');
    if (!state || !notes) throw new Error('save state or notes missing');
    const report = () => {
      // Runs in the microtask after the header changed, before any further keystroke is handled.
      if (state.textContent === savedLabel) (window as unknown as { __durabilitySaved(text: string): void }).__durabilitySaved(notes.value);
    };
    new MutationObserver(report).observe(state, { childList: true, characterData: true, subtree: true });
    report();
  }, SAVED);
}

async function openNotes(page: Page, chapterPath: string): Promise<void> {
  await page.goto(chapterPath);
  // The details and the notes come from IndexedDB in one transaction: once the name shows, the notes are loaded.
  await expect(page.getByTestId('chapter-name')).toBeVisible();
  const notes = page.getByTestId('chapter-notes');
  await notes.click();
  await page.keyboard.press('Control+End');
}

async function kill(session: Session, mode: KillMode, userDataDir: string): Promise<void> {
  if (mode === 'close-page') {
    await session.page.close({ runBeforeUnload: false });
    return;
  }
  if (mode === 'crash-renderer') {
    const crashed = new Promise<void>((resolve) => session.page.once('crash', () => resolve()));
    const cdp = await session.context.newCDPSession(session.page);
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await session.page.close().catch(() => undefined);
    return;
  }
  const pid = browserPid(userDataDir);
  if (pid === null) throw new Error('browser process not found');
  process.kill(pid, 'SIGKILL');
  await session.context.close().catch(() => undefined);
}

test('every edit shown as saved survives the page, renderer or browser dying mid-typing', async ({ baseURL }) => {
  test.setTimeout(60_000 + RUNS * 30_000);
  if (!baseURL) throw new Error('baseURL missing');
  const next = random(SEED);
  const kills: Record<KillMode, number> = { 'close-page': 0, 'crash-renderer': 0, 'kill-browser': 0 };
  const userDataDir = await mkdtemp(join(tmpdir(), 'chapterhouse-durability-'));
  const saved: string[] = [];
  const context = await launch(userDataDir, baseURL);
  await watchSaves(context, saved);
  const session: Session = { context, page: context.pages()[0] ?? (await context.newPage()), saved };
  try {
    await session.page.goto('/');
    await createChapter(session.page, { name: 'Durable minutes' });
    const chapterPath = new URL(session.page.url()).pathname;
    await openNotes(session.page, chapterPath);
    await installObserver(session.page);
    let typedAll = '';
    for (let run = 0; run < RUNS; run++) {
      // Every mode in turn, so even 10 runs kill the whole browser; the timing is what varies.
      const mode = MODES[run % MODES.length] as KillMode;
      kills[mode]++;
      const words = Array.from({ length: 3 + Math.floor(next() * 8) }, () => WORDS[Math.floor(next() * WORDS.length)]);
      const chunk = ` [${run}] ${words.join(' ')}.${next() < 0.3 ? '\n' : ''}`;
      const savesBefore = saved.length;
      // At least one save must show, then a random extra delay picks where in the save cycle the kill lands.
      const savesToWait = 1 + Math.floor(next() * 4);
      const jitterMs = Math.floor(next() * 40);
      let typed = false;
      const typing = session.page.keyboard
        .type(chunk, { delay: 5 + Math.floor(next() * 25) })
        .catch(() => undefined)
        .then(() => {
          typed = true;
        });
      await expect.poll(() => typed || saved.length >= savesBefore + savesToWait, { timeout: 20_000 }).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, jitterMs));
      const lastSaved = saved.at(-1) ?? '';
      await kill(session, mode, userDataDir);
      await typing;
      typedAll += chunk;

      if (mode === 'kill-browser') {
        session.context = await launch(userDataDir, baseURL);
        await watchSaves(session.context, saved);
      }
      session.page = await session.context.newPage();
      await openNotes(session.page, chapterPath);
      const reopened = await session.page.getByTestId('chapter-notes').inputValue();
      const where = `run ${run} (${mode}, seed ${SEED})`;
      expect(reopened.startsWith(lastSaved), `${where}: saved text lost.\nshown as saved: ${JSON.stringify(lastSaved)}\nafter reopen:   ${JSON.stringify(reopened)}`).toBe(true);
      // Nothing appears that was never typed: what is stored is a prefix of everything typed.
      expect(typedAll.startsWith(reopened), `${where}: stored text was never typed: ${JSON.stringify(reopened)}`).toBe(true);
      // Carry on from what survived, as the note-taker would after reopening.
      typedAll = reopened;
      await installObserver(session.page);
    }
    test.info().annotations.push({ type: 'kills', description: `${RUNS} (seed ${SEED}): ${JSON.stringify(kills)}` });
  } finally {
    await session.context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  }
});
