/** A reliable, ordered, message-based pipe between two paired devices (an RTCDataChannel, or memory in tests). */
export interface PairChannel {
  send(message: Uint8Array): void;
  onMessage(listener: (message: Uint8Array) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

/** Two connected in-memory ends; delivery is asynchronous, like a real channel. */
export function createChannelPair(): readonly [PairChannel, PairChannel] {
  const make = () => ({ messages: [] as ((m: Uint8Array) => void)[], closes: [] as (() => void)[], closed: false });
  const left = make();
  const right = make();
  const end = (self: ReturnType<typeof make>, other: ReturnType<typeof make>): PairChannel => ({
    send(message) {
      if (self.closed) return;
      const copy = message.slice();
      queueMicrotask(() => {
        if (!other.closed) for (const listener of other.messages) listener(copy);
      });
    },
    onMessage: (listener) => void self.messages.push(listener),
    onClose: (listener) => void self.closes.push(listener),
    close() {
      for (const side of [self, other]) {
        if (side.closed) continue;
        side.closed = true;
        for (const listener of side.closes) listener();
      }
    },
  });
  return [end(left, right), end(right, left)];
}

// Browsers cap one data-channel message (Chromium: 256 KiB); a whole document may be bigger.
const FRAGMENT = 64 * 1024;
const WHOLE = 0;
const MORE = 1;
const LAST = 2;

/** Adapts an open RTCDataChannel, splitting large messages into fragments and joining them again. */
export function dataChannelAdapter(channel: RTCDataChannel): PairChannel {
  channel.binaryType = 'arraybuffer';
  let pending: Uint8Array[] = [];
  const listeners: ((m: Uint8Array) => void)[] = [];
  channel.addEventListener('message', (event: MessageEvent) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const bytes = new Uint8Array(event.data);
    const body = bytes.subarray(1);
    if (bytes[0] === MORE) {
      pending.push(body.slice());
      return;
    }
    let message = body;
    if (bytes[0] === LAST) {
      pending.push(body);
      const total = pending.reduce((sum, part) => sum + part.length, 0);
      message = new Uint8Array(total);
      let at = 0;
      for (const part of pending) {
        message.set(part, at);
        at += part.length;
      }
      pending = [];
    }
    for (const listener of listeners) listener(message);
  });
  const frame = (flag: number, body: Uint8Array) => {
    const out = new Uint8Array(body.length + 1);
    out[0] = flag;
    out.set(body, 1);
    channel.send(out);
  };
  return {
    send(message) {
      if (channel.readyState !== 'open') return;
      if (message.length <= FRAGMENT) return frame(WHOLE, message);
      for (let at = 0; at < message.length; at += FRAGMENT) {
        const end = Math.min(at + FRAGMENT, message.length);
        frame(end === message.length ? LAST : MORE, message.subarray(at, end));
      }
    },
    onMessage: (listener) => void listeners.push(listener),
    onClose: (listener) => channel.addEventListener('close', () => listener()),
    close: () => channel.close(),
  };
}
