import { describe, expect, it } from 'vitest';
import { eventToIcs } from '../../../src/domain/calendar/ics';
import { icsFileName, splitEvents, toCalendarEvent } from '../../../src/domain/organizing/events';
import { escapeHtml } from '../../../src/domain/organizing/markdown-policy';
import { isSafeLinkUrl } from '../../../src/domain/organizing/safe-url';
import type { ChapterEvent } from '../../../src/domain/organizing/types';
import { LIMITS } from '../../../src/domain/organizing/types';
import { checkOfferTransition, validateEventInput, validateOffer, validatePost, validateProject, validateReply } from '../../../src/domain/organizing/validate';

const event = (over: Partial<ChapterEvent> = {}): ChapterEvent => ({
  id: 'e1',
  title: 'Talk',
  start: '2026-05-01T18:00:00Z',
  end: '2026-05-01T20:00:00Z',
  allDay: false,
  timeZone: '',
  place: '',
  link: '',
  description: '',
  shared: false,
  cancelled: false,
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-01T10:00:00Z',
  createdBy: { id: 'k', name: 'A' },
  rsvps: [],
  ...over,
});

describe('events', () => {
  const base = { title: 'Meeting', start: '2026-05-01T18:00:00Z', end: '2026-05-01T20:00:00Z', place: '', link: '', description: '' };

  it('refuses an end before (or at) the start', () => {
    expect(validateEventInput({ ...base, end: '2026-05-01T17:00:00Z' })).toEqual({ ok: false, error: [{ field: 'end', code: 'endBeforeStart' }] });
    expect(validateEventInput({ ...base, end: base.start }).ok).toBe(false);
  });

  it('refuses missing dates, titles and non-http links with typed errors', () => {
    const result = validateEventInput({ ...base, title: '  ', start: '', link: 'javascript:alert(1)' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((e) => `${e.field}:${e.code}`).sort()).toEqual(['link:invalidUrl', 'start:invalidDate', 'title:required']);
    expect(validateEventInput({ ...base, link: 'https://meet.example.org/x' }).ok).toBe(true);
  });

  it('splits upcoming (soonest first) from past (latest first)', () => {
    const list = [event({ id: 'past', start: '2026-01-01T10:00:00Z', end: '2026-01-01T11:00:00Z' }), event({ id: 'later', start: '2026-06-01T10:00:00Z', end: '2026-06-01T11:00:00Z' }), event({ id: 'soon' })];
    const { upcoming, past } = splitEvents(list, '2026-03-01T00:00:00Z');
    expect(upcoming.map((e) => e.id)).toEqual(['soon', 'later']);
    expect(past.map((e) => e.id)).toEqual(['past']);
  });

  it('exports titles with commas, semicolons and line breaks escaped', () => {
    const ics = eventToIcs(toCalendarEvent(event({ title: 'Bookfair, stall; talks\nday 2', description: 'a\r\nb' }), 'Dublin, IE'), '2026-03-01T10:00:00Z');
    expect(ics.ok).toBe(true);
    if (!ics.ok) return;
    expect(ics.value).toContain('BEGIN:VEVENT');
    expect(ics.value).toContain('SUMMARY:Bookfair\\, stall\\; talks\\nday 2');
    expect(ics.value).toContain('CATEGORIES:Dublin\\, IE');
    expect(ics.value.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  });

  it('makes safe download names', () => {
    expect(icsFileName('Bookfair, Dublin / 2026')).toBe('bookfair-dublin-2026.ics');
    expect(icsFileName('../../etc')).toBe('etc.ics');
    expect(icsFileName('«»')).toBe('calendar.ics');
  });
});

describe('posts', () => {
  it('accepts a post at the cap and refuses one byte more, counting UTF-8 bytes', () => {
    const exact = 'a'.repeat(LIMITS.postBytes);
    expect(validatePost({ kind: 'news', title: 'T', body: exact, status: 'published' }).ok).toBe(true);
    const over = validatePost({ kind: 'news', title: 'T', body: `${exact}a`, status: 'published' });
    expect(over).toEqual({ ok: false, error: [{ field: 'body', code: 'tooLarge', maxBytes: LIMITS.postBytes, bytes: LIMITS.postBytes + 1 }] });
    const multibyte = validatePost({ kind: 'news', title: 'T', body: 'é'.repeat(LIMITS.postBytes / 2 + 1), status: 'draft' });
    expect(multibyte.ok).toBe(false);
  });

  it('keeps the body exactly as typed (malicious content is a rendering concern, not lost)', () => {
    const body = '  <img src=x onerror=alert(1)>\n\n# title ';
    const result = validatePost({ kind: 'blog', title: ' Hi ', body, status: 'published' });
    expect(result).toEqual({ ok: true, value: { kind: 'blog', title: 'Hi', body, status: 'published' } });
  });

  it('refuses empty bodies, unknown kinds and oversized replies', () => {
    const result = validatePost({ kind: 'ad', title: '', body: '   ', status: 'live' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((e) => e.field).sort()).toEqual(['body', 'kind', 'status', 'title']);
    expect(validateReply('x'.repeat(LIMITS.replyBytes + 1)).ok).toBe(false);
    expect(validateReply('  ').ok).toBe(false);
  });
});

describe('projects and offers', () => {
  it('validates kinds and required titles', () => {
    expect(validateProject({ title: 'Tool share', description: '', kind: 'tool-share' }).ok).toBe(true);
    expect(validateProject({ title: '', description: '', kind: 'cult' }).ok).toBe(false);
    expect(validateOffer({ direction: 'offer', category: 'ride', title: 'Lift', details: '', availability: 'Sat' }).ok).toBe(true);
    expect(validateOffer({ direction: 'give', category: 'ride', title: 'x'.repeat(201), details: '', availability: '' }).ok).toBe(false);
  });

  it('allows open → claimed → done, and not claiming a done offer', () => {
    expect(checkOfferTransition('open', 'claimed').ok).toBe(true);
    expect(checkOfferTransition('claimed', 'done').ok).toBe(true);
    expect(checkOfferTransition('done', 'claimed')).toEqual({ ok: false, error: [{ field: 'status', code: 'invalidTransition', from: 'done', to: 'claimed' }] });
  });
});

describe('link and HTML policy', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '',
  ])('refuses %j', (url) => expect(isSafeLinkUrl(url)).toBe(false));

  it.each(['https://example.org/a?b=c', 'http://x.y', 'mailto:a@b.c', '/chapters/x', '#top', 'notes/page'])('allows %j', (url) => expect(isSafeLinkUrl(url)).toBe(true));

  it('escapes HTML', () => {
    expect(escapeHtml(`<img src="x" onerror='a'>&`)).toBe('&lt;img src=&quot;x&quot; onerror=&#39;a&#39;&gt;&amp;');
  });
});
