import { describe, expect, it } from 'vitest';
import { amendmentsBetween, diffSnapshots } from '../../../src/domain/meeting/snapshot-diff';
import type { MinutesSnapshot } from '../../../src/domain/meeting/types';
import { action, decisionId, member, sampleSnapshot } from './fixtures';

const summary = (a: MinutesSnapshot, b: MinutesSnapshot) => diffSnapshots(a, b).map((c) => `${c.kind} ${c.entity}:${c.id}.${c.field ?? '*'}`);

describe('diffSnapshots', () => {
  it('finds nothing between equal minutes, whatever the collection order', () => {
    const a = sampleSnapshot();
    const b = { ...a, items: [...a.items].reverse(), attendance: { ...a.attendance, memberIds: [...a.attendance.memberIds].reverse() } };
    expect(diffSnapshots(a, b)).toEqual([]);
  });

  it('lists changed meeting fields and status', () => {
    const a = sampleSnapshot();
    const b: MinutesSnapshot = { ...a, status: 'final', meeting: { ...a.meeting, title: 'GA', place: 'Park' } };
    expect(diffSnapshots(a, b)).toEqual([
      { entity: 'minutes', id: 'm1', field: 'status', kind: 'changed', before: 'draft', after: 'final' },
      { entity: 'meeting', id: 'm1', field: 'place', kind: 'changed', before: 'Union hall, room 2', after: 'Park' },
      { entity: 'meeting', id: 'm1', field: 'title', kind: 'changed', before: 'General assembly', after: 'GA' },
    ]);
  });

  it('lists attendance, agenda, decision and action item changes', () => {
    const a = sampleSnapshot();
    const [strike, budget] = a.items;
    const b: MinutesSnapshot = {
      ...a,
      attendance: { memberIds: [member('ana'), member('bo'), member('dee')], guests: ['Eve (coalition)', 'Eve (coalition)'] },
      items: [
        { ...strike!, notes: 'Corrected notes.', decisions: [] },
        {
          ...budget!,
          decisions: [...budget!.decisions, ...strike!.decisions].map((d) =>
            d.id === decisionId('d1') ? { ...d, counts: { for: 8, against: 1, abstain: 1, standAside: 0, block: 0 } } : d,
          ),
        },
      ],
      actionItems: [...a.actionItems.filter((x) => x.id !== 'x2'), action({ id: 'x4', what: 'New task' })],
    };
    expect(summary(a, b)).toEqual([
      'added attendance:dee.memberIds',
      'removed attendance:cy.memberIds',
      'added attendance:Eve (coalition).guests',
      'changed agendaItem:a2.notes',
      'changed decision:d1.counts',
      'changed decision:d2.agendaItemId',
      'added actionItem:x4.*',
      'removed actionItem:x2.*',
    ]);
  });

  it('reports verbatim dissent edits with before and after', () => {
    const a = sampleSnapshot();
    const b: MinutesSnapshot = {
      ...a,
      items: a.items.map((e) => ({ ...e, decisions: e.decisions.map((d) => ({ ...d, dissent: d.dissent.slice(0, 1) })) })),
    };
    const changes = diffSnapshots(a, b);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ entity: 'decision', id: 'd1', field: 'dissent', kind: 'changed' });
    expect(JSON.stringify(changes[0]?.before)).toContain('Spend more on outreach.');
    expect(JSON.stringify(changes[0]?.after)).not.toContain('Spend more on outreach.');
  });

  it('records edits after finalization as amendments', () => {
    const finalized: MinutesSnapshot = { ...sampleSnapshot(), status: 'final' };
    const edited: MinutesSnapshot = { ...finalized, quorum: { met: true, present: 4, required: 3 } };
    expect(amendmentsBetween(finalized, edited, '2026-12-02T09:00:00Z', member('ana'))).toEqual([
      { at: '2026-12-02T09:00:00Z', by: 'ana', entity: 'quorum', itemId: 'm1', field: 'present', before: 3, after: 4 },
    ]);
    expect(amendmentsBetween(finalized, { ...edited, status: 'draft' }, 'x', member('ana'))).toHaveLength(1);
  });
});
