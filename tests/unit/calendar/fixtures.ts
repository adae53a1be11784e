import type { CalendarEvent } from '../../../src/domain/calendar/event';

export const NOW = '2026-03-01T12:00:00Z';

export const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'evt0001',
  title: 'Banner painting',
  description: 'Bring old sheets.',
  location: 'Community centre, room 2',
  start: '2026-03-05T18:30:00+01:00',
  end: '2026-03-05T21:00:00+01:00',
  timeZone: 'Europe/Vienna',
  createdAt: '2026-02-20T09:15:00Z',
  updatedAt: '2026-02-25T10:00:00.500Z',
  chapterName: 'Vienna',
  status: 'confirmed',
  ...overrides,
});

/** TEXT as it should come back: line breaks normalised to LF, other control characters dropped. */
export const expectedText = (value: string): string =>
  value.replace(/\r\n|\r/g, '\n').replace(/[^\P{Cc}\t\n]/gu, '');
