import { describe, expect, it } from 'vitest';
import { minutesToMarkdown } from '../../../src/domain/meeting/export-markdown';
import { closeOpenFences, escapeBlock, escapeInline } from '../../../src/domain/meeting/markdown-escape';
import { ENGLISH_MINUTES_LABELS } from '../../../src/domain/meeting/minutes-labels';
import type { MinutesSnapshot } from '../../../src/domain/meeting/types';
import { action, member, NAMES, sampleSnapshot } from './fixtures';

const context = { memberName: (id: string) => NAMES[id] };
const render = (snapshot: MinutesSnapshot) => minutesToMarkdown(snapshot, ENGLISH_MINUTES_LABELS, context);

describe('minutesToMarkdown', () => {
  const snapshot = sampleSnapshot();
  const md = render(snapshot);

  it('has the header, attendance with names and the quorum line', () => {
    expect(md.startsWith('# Minutes: General assembly\n')).toBe(true);
    expect(md).toContain('- **Date:** 2026-12-01T18:30:00+01:00');
    expect(md).toContain('- **Place:** Union hall, room 2');
    expect(md).toContain('- **Link:** <https://meet.example.org/ga>');
    expect(md).toContain('- **Status:** Draft');
    expect(md).toContain('- **Facilitator:** Ana Ruiz');
    expect(md).toContain('- **Members (3):** Ana Ruiz, Bo Chen, Cy Okafor');
    expect(md).toContain('- **Guests (1):** Eve (coalition)');
    expect(md).toContain('- **Quorum:** met (3 present, 3 required)');
    expect(render({ ...snapshot, status: 'final' })).toContain('- **Status:** Final');
  });

  it('lists the agenda in order and includes notes as Markdown', () => {
    expect(md).toContain('1. Budget (Presented by Cy Okafor, 15 min)\n2. Rent strike (Presented by Eve (coalition) (guest), 20 min)');
    expect(md.indexOf('## 1. Budget')).toBeLessThan(md.indexOf('## 2. Rent strike'));
    expect(md).toContain('- rent\n- printing');
    expect(md).toContain('Eve reported on **three** buildings.');
  });

  it('contains every decision with method and counts, and every dissent verbatim as a blockquote', () => {
    for (const { decisions } of snapshot.items) {
      for (const decision of decisions) {
        expect(md).toContain(escapeBlock(decision.text).join('\n'));
        expect(md).toContain(`- **Method:** ${ENGLISH_MINUTES_LABELS.methods[decision.method]}`);
        for (const entry of decision.dissent) {
          for (const line of escapeBlock(entry.position)) expect(md).toContain(`> ${line}`);
        }
      }
    }
    expect(md).toContain('- **Votes:** For 7 · Against 2 · Abstain 1 · Stand aside 0 · Block 0');
    expect(md).toContain('- **Poll:** poll-7');
    expect(md).toContain('> **Bo Chen:**\n>\n> The rent line is too optimistic.\\\n> We will regret it.');
    expect(md).toContain('> **Cy Okafor:**\n>\n> Spend more on outreach.');
    expect(md).toContain('> **Eve (coalition) (guest):**\n>\n> Ask the tenants first.');
  });

  it('contains every action item in a table, soonest due first', () => {
    expect(md).toContain('| What | Who | Due | Status |\n| --- | --- | --- | --- |');
    const rows = md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| What') && !line.startsWith('| ---'));
    expect(rows).toEqual([
      '| Print flyers | unassigned | 2026-12-03 | Done |',
      '| Send the budget to members | Cy Okafor | 2026-12-08 | Open |',
      '| Call the tenants | Bo Chen | — | Open |',
    ]);
  });

  it('uses the translated labels and formatters it is given', () => {
    const labels = { ...ENGLISH_MINUTES_LABELS, heading: 'Protokoll: {title}', actionItems: 'Aufgaben' };
    const out = minutesToMarkdown(snapshot, labels, { ...context, formatDateTime: () => '1. Dez. 2026', formatDate: (d) => `am ${d}` });
    expect(out).toContain('# Protokoll: General assembly');
    expect(out).toContain('## Aufgaben');
    expect(out).toContain('- **Date:** 1\\. Dez. 2026');
    expect(out).toContain('| am 2026-12-03 |');
  });

  it('says so when there is nothing, and falls back to ids for unknown members', () => {
    const empty: MinutesSnapshot = { ...snapshot, items: [], actionItems: [], quorum: null, attendance: { memberIds: [member('gone')], guests: [] } };
    const out = render(empty);
    expect(out).toContain('## Agenda\n\nNone.');
    expect(out).toContain('## Action items\n\nNone.');
    expect(out).toContain('- **Members (1):** gone');
    expect(out).not.toContain('Quorum');
  });

  it('escapes hostile names, titles and places so they cannot break the structure', () => {
    const hostile: MinutesSnapshot = {
      ...snapshot,
      meeting: { ...snapshot.meeting, title: '# Hacked\n\n## Fake section', place: '<script>alert(1)</script>', link: 'javascript:alert(1)' },
      attendance: { memberIds: [member('ana')], guests: ['*Bold* [link](http://x)', '- list'] },
      actionItems: [action({ id: 'x9', what: 'a | b | c\n| --- |', due: null })],
    };
    const out = minutesToMarkdown(hostile, ENGLISH_MINUTES_LABELS, { memberName: () => '`code` _em_ ~~s~~' });
    expect(out.startsWith('# Minutes: \\# Hacked \\#\\# Fake section\n')).toBe(true);
    expect(out).not.toMatch(/^## Fake section/m);
    expect(out).toContain('- **Place:** \\<script\\>alert(1)\\</script\\>');
    expect(out).toContain('- **Link:** javascript:alert(1)');
    expect(out).not.toContain('<javascript');
    expect(out).toContain('\\*Bold\\* \\[link\\](http://x), \\- list');
    expect(out).toContain('\\`code\\` \\_em\\_ \\~\\~s\\~\\~');
    expect(out).toContain('| a \\| b \\| c \\| --- \\| |');
  });

  it('closes a code fence left open in notes so the decisions stay outside it', () => {
    const [first, ...rest] = snapshot.items;
    const out = render({ ...snapshot, items: [{ ...first!, notes: '```js\nlet x = 1;' }, ...rest] });
    expect(out).toContain('```js\nlet x = 1;\n```');
  });
});

describe('escapeInline', () => {
  it('neutralizes block markers at the start and inline syntax anywhere', () => {
    expect(escapeInline('1. first')).toBe('1\\. first');
    expect(escapeInline('2) second')).toBe('2\\) second');
    expect(escapeInline('+ plus')).toBe('\\+ plus');
    expect(escapeInline('=== ')).toBe('\\===');
    expect(escapeInline('> quote')).toBe('\\> quote');
    expect(escapeInline('AT&amp;T')).toBe('AT\\&amp;T');
    expect(escapeInline('back\\slash')).toBe('back\\\\slash');
    expect(escapeInline('  tabs\tand\nnew\r\nlines\u2028  ')).toBe('tabs and new lines');
    expect(escapeInline('St. Mary-le-Bow (London)')).toBe('St. Mary-le-Bow (London)');
  });

  it('keeps every line of block text and marks paragraph breaks', () => {
    expect(escapeBlock('one\ntwo\n\n# three')).toEqual(['one\\', 'two', '', '\\# three']);
  });
});

describe('closeOpenFences', () => {
  it('leaves balanced notes untouched', () => {
    const notes = '```\ncode\n```\ntext\n~~~~\nmore\n~~~~';
    expect(closeOpenFences(notes)).toBe(notes);
    expect(closeOpenFences('inline ``` is not a fence')).toBe('inline ``` is not a fence');
  });

  it('closes with the marker that opened', () => {
    expect(closeOpenFences('~~~~\nx\n~~~')).toBe('~~~~\nx\n~~~\n~~~~');
    expect(closeOpenFences('````\nx\n```')).toBe('````\nx\n```\n````');
  });
});
