import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { encodePong, encodePublish, parseSignal, type SignalMessage } from './signal-protocol';
import { createTopicRegistry } from './topic-registry';

export interface RelayOptions {
  /** Larger frames close the connection with 1009 (message too big). */
  readonly maxMessageBytes?: number;
  /** Further subscribes on a full connection are ignored. */
  readonly maxTopicsPerConnection?: number;
  readonly maxTopicLength?: number;
  /** A connection that neither answers pings nor sends anything for this long is dropped. */
  readonly idleTimeoutMs?: number;
  /** Upgrades beyond this get HTTP 503. */
  readonly maxConnections?: number;
  /** A receiver this far behind is skipped rather than buffered without bound. */
  readonly maxBufferedBytes?: number;
}

export interface RelayStats {
  readonly connections: number;
  readonly topics: number;
  /** Messages ignored: malformed, unknown, oversize, or to receivers that were too far behind. */
  readonly dropped: number;
}

export interface Relay {
  readonly handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  readonly stats: () => RelayStats;
  readonly close: () => Promise<void>;
}

export const relayDefaults: Required<RelayOptions> = {
  maxMessageBytes: 64 * 1024,
  maxTopicsPerConnection: 64,
  maxTopicLength: 256,
  idleTimeoutMs: 30_000,
  maxConnections: 1_000,
  maxBufferedBytes: 1024 * 1024,
};

interface Connection {
  readonly topics: Set<string>;
  alive: boolean;
}

const closeGraceMs = 1_000;

const toBuffer = (data: RawData): Buffer => {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
};

const rejectUpgrade = (socket: Duplex): void => {
  socket.on('error', () => socket.destroy());
  socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
};

/** Closes politely, then hard after a grace period so shutdown never hangs on a silent peer. */
const closeConnection = (ws: WebSocket): Promise<void> =>
  new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    const timer = setTimeout(() => ws.terminate(), closeGraceMs);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.close(1001, 'server shutting down');
  });

/** A y-webrtc compatible signaling relay; the caller routes HTTP upgrades to `handleUpgrade`. */
export const createRelay = (options: RelayOptions = {}): Relay => {
  const limits: Required<RelayOptions> = { ...relayDefaults, ...options };
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, clientTracking: false });
  const registry = createTopicRegistry<WebSocket>();
  const connections = new Map<WebSocket, Connection>();
  let dropped = 0;
  let closed = false;

  const send = (ws: WebSocket, text: string): void => {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > limits.maxBufferedBytes) {
      dropped += 1;
      return;
    }
    try {
      ws.send(text);
    } catch {
      ws.terminate();
    }
  };

  const apply = (ws: WebSocket, conn: Connection, message: SignalMessage): void => {
    switch (message.type) {
      case 'subscribe':
        for (const topic of message.topics) {
          if (conn.topics.size >= limits.maxTopicsPerConnection && !conn.topics.has(topic)) continue;
          conn.topics.add(topic);
          registry.add(topic, ws);
        }
        return;
      case 'unsubscribe':
        for (const topic of message.topics) {
          conn.topics.delete(topic);
          registry.remove(topic, ws);
        }
        return;
      case 'publish': {
        const receivers = registry.subscribers(message.topic);
        if (receivers.length === 0) return;
        const text = encodePublish(message.message, receivers.length);
        for (const receiver of receivers) send(receiver, text);
        return;
      }
      case 'ping':
        send(ws, encodePong());
        return;
    }
  };

  const onMessage = (ws: WebSocket, conn: Connection, data: RawData): void => {
    conn.alive = true;
    const bytes = toBuffer(data);
    if (bytes.byteLength > limits.maxMessageBytes) {
      dropped += 1;
      ws.close(1009, 'message too big');
      return;
    }
    // Binary frames are parsed too, as the reference server does; garbage simply fails to parse.
    const message = parseSignal(bytes.toString('utf8'), limits.maxTopicLength);
    if (message === null) {
      dropped += 1;
      return;
    }
    apply(ws, conn, message);
  };

  const onConnection = (ws: WebSocket): void => {
    // Listen for errors first: an unhandled 'error' event would crash the process.
    ws.on('error', () => {
      dropped += 1;
    });
    if (closed || connections.size >= limits.maxConnections) {
      ws.close(1013, 'try again later');
      return;
    }
    const conn: Connection = { topics: new Set(), alive: true };
    connections.set(ws, conn);
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('message', (data) => {
      try {
        onMessage(ws, conn, data);
      } catch {
        dropped += 1;
      }
    });
    ws.on('close', () => {
      for (const topic of conn.topics) registry.remove(topic, ws);
      conn.topics.clear();
      connections.delete(ws);
    });
  };

  // One sweep for all connections: silent since the previous sweep means dead.
  const sweep = setInterval(() => {
    for (const [ws, conn] of connections) {
      if (!conn.alive) {
        ws.terminate();
        continue;
      }
      conn.alive = false;
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, limits.idleTimeoutMs);
  sweep.unref();

  return {
    handleUpgrade: (request, socket, head) => {
      if (closed || connections.size >= limits.maxConnections) {
        rejectUpgrade(socket);
        return;
      }
      try {
        wss.handleUpgrade(request, socket, head, onConnection);
      } catch {
        socket.destroy();
      }
    },
    stats: () => ({ connections: connections.size, topics: registry.size(), dropped }),
    close: async () => {
      closed = true;
      clearInterval(sweep);
      await Promise.all([...connections.keys()].map(closeConnection));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
};
