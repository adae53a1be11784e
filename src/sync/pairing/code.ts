import { deflateSync, inflateSync } from 'fflate';
import { decodeBase64url, encodeBase64url } from '../../crypto/base64url';
import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';

/** Which half of the handshake a code carries: A shows the offer, B answers. */
export type PairingRole = 'offer' | 'answer';

export type PairingCodeError = 'notAPairingCode' | 'wrongRole' | 'corrupted';

export interface PairingCode {
  readonly role: PairingRole;
  readonly sdp: string;
}

// `CHP1O.` / `CHP1A.` + base64url(deflate(sdp)). The base64url alphabet never contains '.'.
const PREFIX = 'CHP1';
const ROLE_CHAR: Record<PairingRole, string> = { offer: 'O', answer: 'A' };
const CODE = /^CHP1([OA])\.([A-Za-z0-9_-]+)$/;
const MAX_SDP_BYTES = 64 * 1024;

/**
 * A preset dictionary of what every WebRTC data-channel SDP from a browser repeats: deflate
 * then only stores what differs (ufrag, password, fingerprint, candidates), so an offer
 * fits one QR code. Changing it breaks codes made by older versions: bump PREFIX then.
 */
const DICTIONARY = new TextEncoder().encode(
  [
    'a=candidate:1 1 tcp 1518280447 192.168.1.1 9 typ host tcptype active generation 0 network-id 1 network-cost 10',
    'a=candidate:1 1 udp 2113937151 0.local 50000 typ host generation 0 network-cost 999',
    'a=candidate:1 1 udp 2122260223 192.168.0.1 50000 typ host generation 0 network-id 1 network-cost 10',
    'a=fingerprint:sha-256 00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00',
    'v=0\r\no=- 0 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\na=extmap-allow-mixed\r\na=msid-semantic: WMS\r\n',
    'm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n',
    'a=ice-ufrag:\r\na=ice-pwd:\r\na=ice-options:trickle\r\na=fingerprint:sha-256 ',
    '\r\na=setup:actpass\r\na=setup:active\r\na=mid:0\r\na=sctp-port:5000\r\na=max-message-size:262144\r\n',
  ].join('\r\n'),
);

export function encodePairingCode(role: PairingRole, sdp: string): string {
  const packed = deflateSync(new TextEncoder().encode(sdp), { level: 9, mem: 8, dictionary: DICTIONARY });
  return `${PREFIX}${ROLE_CHAR[role]}.${encodeBase64url(packed)}`;
}

/** Reads a pasted or scanned code; whitespace a messenger may have added is ignored. */
export function decodePairingCode(text: string, expected?: PairingRole): Result<PairingCode, PairingCodeError> {
  const match = CODE.exec(text.replace(/\s+/g, ''));
  if (!match) return err('notAPairingCode');
  const role: PairingRole = match[1] === 'O' ? 'offer' : 'answer';
  if (expected && role !== expected) return err('wrongRole');
  const packed = decodeBase64url(match[2] ?? '');
  if (!packed) return err('corrupted');
  try {
    const raw = inflateSync(packed, { dictionary: DICTIONARY });
    if (raw.length > MAX_SDP_BYTES) return err('corrupted');
    const sdp = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    if (!sdp.startsWith('v=0')) return err('corrupted');
    return ok({ role, sdp });
  } catch {
    return err('corrupted');
  }
}
