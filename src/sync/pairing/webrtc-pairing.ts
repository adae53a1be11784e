import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';
import type { PairChannel } from './channel';
import { dataChannelAdapter } from './channel';
import type { PairingCodeError } from './code';
import { decodePairingCode, encodePairingCode } from './code';

/**
 * Serverless WebRTC: the whole offer and answer travel as codes (QR or text), so ICE is not
 * trickled: we wait for gathering to finish. `iceServers: []`: LAN, hotspot and loopback only.
 */
export interface PairingLink {
  /** The code to show the other device (offer on A, answer on B). */
  readonly code: string;
  /** Resolves when the data channel opens. */
  readonly channel: Promise<PairChannel>;
  close(): void;
}

export interface OfferLink extends PairingLink {
  /** A pastes or scans B's answer. */
  accept(answerCode: string): Promise<Result<void, PairingCodeError | 'failed'>>;
}

const GATHERING_TIMEOUT_MS = 5_000;
const CHANNEL = { negotiated: true, id: 0, ordered: true } as const;

function gathered(pc: RTCPeerConnection): Promise<void> {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    const timer = setTimeout(done, GATHERING_TIMEOUT_MS);
    function done() {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    }
    function check() {
      if (pc.iceGatheringState === 'complete') done();
    }
    pc.addEventListener('icegatheringstatechange', check);
  });
}

function opened(pc: RTCPeerConnection, channel: RTCDataChannel): Promise<PairChannel> {
  return new Promise((resolve, reject) => {
    if (channel.readyState === 'open') return resolve(dataChannelAdapter(channel));
    channel.addEventListener('open', () => resolve(dataChannelAdapter(channel)), { once: true });
    channel.addEventListener('close', () => reject(new Error('channel closed before opening')), { once: true });
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'failed') reject(new Error('connection failed'));
    });
  });
}

const newPeer = () => {
  const pc = new RTCPeerConnection({ iceServers: [] });
  const channel = pc.createDataChannel('chapterhouse-pair', CHANNEL);
  return { pc, channel, ready: opened(pc, channel) };
};

/** Device A: makes the offer and waits for B's answer. */
export async function createOfferLink(): Promise<OfferLink> {
  const { pc, channel, ready } = newPeer();
  ready.catch(() => undefined);
  await pc.setLocalDescription(await pc.createOffer());
  await gathered(pc);
  return {
    code: encodePairingCode('offer', pc.localDescription?.sdp ?? ''),
    channel: ready,
    async accept(answerCode) {
      const answer = decodePairingCode(answerCode, 'answer');
      if (!answer.ok) return answer;
      try {
        await pc.setRemoteDescription({ type: 'answer', sdp: answer.value.sdp });
        return ok(undefined);
      } catch {
        return err('failed');
      }
    },
    close: () => {
      channel.close();
      pc.close();
    },
  };
}

/** Device B: answers A's offer; the channel opens once A has read the answer. */
export async function answerOffer(offerCode: string): Promise<Result<PairingLink, PairingCodeError | 'failed'>> {
  const offer = decodePairingCode(offerCode, 'offer');
  if (!offer.ok) return offer;
  const { pc, channel, ready } = newPeer();
  ready.catch(() => undefined);
  try {
    await pc.setRemoteDescription({ type: 'offer', sdp: offer.value.sdp });
    await pc.setLocalDescription(await pc.createAnswer());
  } catch {
    pc.close();
    return err('failed');
  }
  await gathered(pc);
  return ok({
    code: encodePairingCode('answer', pc.localDescription?.sdp ?? ''),
    channel: ready,
    close: () => {
      channel.close();
      pc.close();
    },
  });
}
