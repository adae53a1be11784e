// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocId } from '../../src/domain/ids';
import { readSummaryFrame, removeSummaryFrame, type SummaryFrame, writeSummaryFrame } from '../../src/persistence/summary-frame';
import { paintStoredSummary } from '../../src/startup/paint-summary';

const DOC = 'kentchapter0000000000000' as DocId;
const FRAME: SummaryFrame = {
  lang: 'eo',
  dir: 'ltr',
  name: 'Kent <img src=x onerror="window.hacked=1">',
  sub: 'Canterbury, Kent · Fondita 2020',
  description: 'Line one\nLine two',
  status: 'Malfermante…',
  heading: 'Lastaj kunvenoj (12)',
  meetings: [
    { title: '<script>window.hacked=2</script>', date: '1 dec 2026' },
    { title: 'Bookfair', date: '2 nov 2026' },
  ],
};

const frameHtml = '<div class="shell"><header class="shell-header"></header><main class="shell-main"><img class="shell-splash" alt="" /></main></div>';

describe('the summary painted before the app loads', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = `<div id="root">${frameHtml}</div>`;
    document.documentElement.lang = 'en';
  });

  it('paints the stored chapter into the frame as text, in the language it was written in', () => {
    writeSummaryFrame(DOC, FRAME);
    paintStoredSummary(`/chapters/${DOC}`);
    const main = document.querySelector('.shell-main');
    expect(main?.querySelector('[data-testid="chapter-summary-name"]')?.textContent).toBe(FRAME.name);
    expect(main?.querySelectorAll('li')).toHaveLength(2);
    expect(main?.textContent).toContain('Lastaj kunvenoj (12)');
    // Member-written text never becomes markup.
    expect(main?.querySelector('img, script')).toBeNull();
    expect(document.documentElement.lang).toBe('eo');
  });

  it('leaves the frame alone on other pages, for unknown chapters and for damaged frames', () => {
    writeSummaryFrame(DOC, FRAME);
    for (const path of ['/', `/chapters/${DOC}/polls`, '/chapters/otherchapter000000000000', '/chapters/../x']) {
      paintStoredSummary(path);
      expect(document.querySelector('.shell-splash'), path).not.toBeNull();
    }
    for (const damaged of ['{', 'null', '[]', JSON.stringify({ ...FRAME, meetings: [{ title: 1 }] }), JSON.stringify({ ...FRAME, dir: 'up' })]) {
      localStorage.setItem(`chapterhouse:summary-frame:${DOC}`, damaged);
      expect(readSummaryFrame(DOC)).toBeUndefined();
      paintStoredSummary(`/chapters/${DOC}`);
      expect(document.querySelector('.shell-splash'), damaged).not.toBeNull();
    }
  });

  it('is gone once removed', () => {
    writeSummaryFrame(DOC, FRAME);
    expect(readSummaryFrame(DOC)).toEqual(FRAME);
    removeSummaryFrame(DOC);
    expect(readSummaryFrame(DOC)).toBeUndefined();
  });
});
