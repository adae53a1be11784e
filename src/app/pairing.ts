import { createSignal } from 'solid-js';
import type { DocId, RoomSecret } from '../domain/ids';
import type { Catalog } from '../persistence/catalog';
import type { PairChannel } from '../sync/pairing/channel';
import type { PairingSession } from '../sync/pairing/session';
import type { OfferLink, PairingLink } from '../sync/pairing/webrtc-pairing';
import type { DocumentRegistry } from './documents';
import type { SyncActivity } from './sync-activity';

export type PairingPhase =
  | 'idle'
  | 'preparing'
  /** A: showing the offer, waiting for B's answer. */
  | 'showingOffer'
  /** B: showing the answer, waiting for A to read it. */
  | 'showingAnswer'
  | 'connecting'
  | 'connected'
  | 'closed'
  | 'failed';

export type PairingError = 'notAPairingCode' | 'wrongRole' | 'corrupted' | 'failed' | 'unsupported';

export interface PairingState {
  readonly phase: PairingPhase;
  /** The code to show (QR frames and text), while showing the offer or the answer. */
  readonly code: string | null;
  readonly frames: readonly string[];
  readonly error: PairingError | null;
  /** Documents both devices hold, and how many of them finished their first sync. */
  readonly shared: number;
  readonly synced: number;
  readonly matched: readonly DocId[];
}

const initial: PairingState = { phase: 'idle', code: null, frames: [], error: null, shared: 0, synced: 0, matched: [] };

// WebRTC, the codec and the sync protocol over the channel load only when someone pairs.
const loadPairing = () => Promise.all([import('../sync/pairing/webrtc-pairing'), import('../sync/pairing/qr'), import('../sync/pairing/session')]);
type SessionModule = Awaited<ReturnType<typeof loadPairing>>[2];

/** Direct device-to-device sync with no server: codes travel by QR or copy-paste. */
export function createPairing(deps: { readonly catalog: Catalog; readonly documents: DocumentRegistry; readonly activity: SyncActivity }) {
  const { catalog, documents, activity } = deps;
  const [state, setState] = createSignal<PairingState>(initial);
  const patch = (next: Partial<PairingState>) => setState((current) => ({ ...current, ...next }));
  let link: PairingLink | null = null;
  let offerLink: OfferLink | null = null;
  let session: PairingSession | null = null;
  let offCatalog: (() => void) | null = null;
  const syncedDocs = new Set<DocId>();

  const supported = () => typeof RTCPeerConnection !== 'undefined';

  // Synchronous once the channel opens: the peer's first messages must find the session listening.
  const startSession = async ({ createPairingSession }: SessionModule, channel: PairChannel) => {
    patch({ phase: 'connected', code: null, frames: [] });
    syncedDocs.clear();
    session = createPairingSession(channel, {
      open: async (docId) => {
        const entry = await catalog.get(docId);
        if (!entry) throw new Error(`document ${docId} is not on this device`);
        await documents.ready();
        const opened = documents.openDocument(docId, entry.secret);
        await opened.storage.loaded;
        return opened.doc;
      },
      onMatches: (docIds) => patch({ shared: docIds.length, matched: docIds }),
      onSynced: (docId) => {
        if (syncedDocs.has(docId)) return;
        syncedDocs.add(docId);
        patch({ synced: syncedDocs.size });
        if (syncedDocs.size === 1) activity.record('pairingSync', 1);
      },
      onPeerHas: (docId, vector) => activity.confirmShared(docId, vector, 'pairing'),
      onClose: () => {
        offCatalog?.();
        offCatalog = null;
        session = null;
        setState((current) => (current.phase === 'connected' ? { ...current, phase: 'closed' } : current));
      },
    });
    const offer = (entries: readonly { id: DocId; secret: RoomSecret }[]) =>
      session?.announce(entries.map((entry) => ({ docId: entry.id, secret: entry.secret })));
    offer(await catalog.list());
    // Documents added meanwhile (an import, a join) are offered too.
    offCatalog = catalog.subscribe(offer);
  };

  const watchChannel = (sessions: SessionModule, channel: Promise<PairChannel>) =>
    channel.then((open) => startSession(sessions, open), () => {
      if (state().phase !== 'idle') patch({ phase: 'failed', error: 'failed' });
    });

  /** Device A: make an offer to show as a QR code. */
  async function startOffer(): Promise<void> {
    reset();
    if (!supported()) {
      patch({ phase: 'failed', error: 'unsupported' });
      return;
    }
    patch({ phase: 'preparing' });
    const [{ createOfferLink }, { pairingFrames }, sessions] = await loadPairing();
    offerLink = await createOfferLink();
    link = offerLink;
    patch({ phase: 'showingOffer', code: offerLink.code, frames: pairingFrames(offerLink.code) });
    void watchChannel(sessions, offerLink.channel);
  }

  /** Device A: B's answer was scanned or pasted. */
  async function acceptAnswer(text: string): Promise<boolean> {
    if (!offerLink) return false;
    // Before awaiting: on loopback the channel can open (phase 'connected') before accept() resolves.
    patch({ phase: 'connecting', error: null });
    const result = await offerLink.accept(text);
    if (!result.ok) {
      setState((current) => (current.phase === 'connecting' ? { ...current, phase: 'showingOffer', error: result.error } : current));
      return false;
    }
    return true;
  }

  /** Device B: A's offer was scanned or pasted; show the answer. */
  async function answer(text: string): Promise<boolean> {
    reset();
    if (!supported()) {
      patch({ phase: 'failed', error: 'unsupported' });
      return false;
    }
    patch({ phase: 'preparing' });
    const [{ answerOffer }, { pairingFrames }, sessions] = await loadPairing();
    const result = await answerOffer(text);
    if (!result.ok) {
      patch({ phase: 'idle', error: result.error });
      return false;
    }
    link = result.value;
    patch({ phase: 'showingAnswer', code: result.value.code, frames: pairingFrames(result.value.code) });
    void watchChannel(sessions, result.value.channel);
    return true;
  }

  function reset(): void {
    session?.close();
    session = null;
    link?.close();
    link = null;
    offerLink = null;
    setState(initial);
  }

  return {
    state,
    supported,
    startOffer,
    acceptAnswer,
    answer,
    /** Ends the pairing (either side); documents keep everything synced so far. */
    disconnect: reset,
  };
}

export type Pairing = ReturnType<typeof createPairing>;

/** For the scanner: feeds one QR frame and returns the code once complete (lazy-loaded with it). */
export async function loadFrameReader() {
  const [{ addScannedFrame }, { emptyReassembly }] = await Promise.all([import('../sync/pairing/qr'), import('../domain/qr-chunks')]);
  return { addScannedFrame, emptyReassembly };
}
