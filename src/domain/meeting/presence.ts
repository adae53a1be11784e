/**
 * Presence of note-takers in the minutes: who is in which agenda item's text and where their
 * caret is. Carets are Yjs relative positions (opaque JSON here), so they stay on the same
 * character while others type; states come from other devices and are checked before use.
 */
export interface PresenceState {
  readonly name: string;
  /** A CSS colour from PRESENCE_COLORS. */
  readonly color: string;
  /** The agenda item whose minutes are being edited, or null when in none. */
  readonly field: string | null;
  /** Relative position JSON of the selection's anchor and head (null when not known). */
  readonly anchor: unknown;
  readonly head: unknown;
}

/** Dark enough for white label text (contrast >= 4.5:1) and distinct from each other. */
export const PRESENCE_COLORS: readonly string[] = ['#b3261e', '#1b5e20', '#0d47a1', '#6a1b9a', '#8d4e00', '#00695c', '#ad1457', '#37474f'];

/** Longest name shown next to a caret; a longer one from a peer is cut. */
export const PRESENCE_NAME_MAX = 60;

/** A stable colour per device session (Yjs client id), so the same person keeps one colour. */
export function presenceColor(clientId: number): string {
  const index = Math.abs(Math.trunc(clientId)) % PRESENCE_COLORS.length;
  return PRESENCE_COLORS[index] ?? '#37474f';
}

/** Reads a peer's awareness state; anything malformed (or from an older version) is ignored. */
export function readPresence(raw: unknown): PresenceState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.field !== 'string' || r.field.length === 0) return null;
  const name = typeof r.name === 'string' ? r.name.trim().slice(0, PRESENCE_NAME_MAX) : '';
  const color = typeof r.color === 'string' && PRESENCE_COLORS.includes(r.color) ? r.color : (PRESENCE_COLORS[0] ?? '#b3261e');
  return { name, color, field: r.field, anchor: r.anchor ?? null, head: r.head ?? null };
}

export interface PresenceEntry {
  readonly clientId: number;
  readonly state: PresenceState;
}

/** Everyone else in `field`, in a stable order (by name, then client id). */
export function othersIn(states: ReadonlyMap<number, unknown>, selfId: number, field: string): readonly PresenceEntry[] {
  const out: PresenceEntry[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === selfId) continue;
    const state = readPresence(raw);
    if (state && state.field === field) out.push({ clientId, state });
  }
  return out.sort((a, b) => (a.state.name < b.state.name ? -1 : a.state.name > b.state.name ? 1 : a.clientId - b.clientId));
}
