/**
 * The y-webrtc signaling protocol (node_modules/y-webrtc/bin/server.js): JSON text frames
 * `subscribe`, `unsubscribe`, `publish` and `ping`. Anything else is not a message.
 */
export type SignalMessage =
  | { readonly type: 'subscribe' | 'unsubscribe'; readonly topics: readonly string[] }
  | { readonly type: 'publish'; readonly topic: string; readonly message: Readonly<Record<string, unknown>> }
  | { readonly type: 'ping' };

type JsonObject = Readonly<Record<string, unknown>>;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isTopic = (value: unknown, maxTopicLength: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= maxTopicLength;

/** Returns null for anything a stock client would never send; the relay then ignores it. */
export const parseSignal = (text: string, maxTopicLength: number): SignalMessage | null => {
  const value = parseJson(text);
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'subscribe':
    case 'unsubscribe': {
      // The reference server treats a missing list as empty and skips non-string entries.
      const topics = value.topics ?? [];
      if (!Array.isArray(topics)) return null;
      return { type: value.type, topics: topics.filter((topic) => isTopic(topic, maxTopicLength)) };
    }
    case 'publish':
      return isTopic(value.topic, maxTopicLength) ? { type: 'publish', topic: value.topic, message: value } : null;
    case 'ping':
      return { type: 'ping' };
    default:
      return null;
  }
};

/** A publish goes to every subscriber verbatim, plus the subscriber count, as the reference does. */
export const encodePublish = (message: JsonObject, clients: number): string => JSON.stringify({ ...message, clients });

export const encodePong = (): string => JSON.stringify({ type: 'pong' });
