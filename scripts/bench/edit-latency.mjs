// Edit-to-remote-peer latency over loopback WebRTC between two browser contexts.
import { chromium } from '@playwright/test';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function measureEditLatency(baseUrl, { samples = 40 } = {}) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const open = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(baseUrl);
      return page;
    };
    const a = await open();
    const b = await open();
    await a.getByTestId('new-chapter').click();
    await a.getByLabel('Name', { exact: true }).fill('Latency bench');
    await a.getByLabel('Your name, as members will see it').fill('Bench');
    await a.getByTestId('new-chapter-submit').click();
    await a.getByTestId('invite').click();
    await a.getByTestId('invite-qr').waitFor();
    const link = await a.getByTestId('invite-url').inputValue();
    await a.getByRole('button', { name: 'Close' }).click();
    await b.goto(link);
    await b.getByTestId('chapter-name').waitFor();
    await b.getByText(/peers? connected/).waitFor();
    const notes = a.getByTestId('chapter-notes');
    await notes.click();
    const times = [];
    for (let i = 1; i <= samples; i++) {
      // One keystroke per sample; the figure includes one automation round trip each way.
      const start = performance.now();
      await notes.press(String(i % 10));
      await b.waitForFunction((n) => document.querySelector('[data-testid="chapter-notes"]')?.value.length === n, i, { polling: 'raf' });
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return { samples, median: pick(0.5), p95: pick(0.95) };
  } finally {
    await browser.close();
  }
}
