import wrtc from '@roamhq/wrtc';
import { afterAll, beforeAll, vi } from 'vitest';
import { WebSocket } from 'ws';
import { type RunningServer, startServer } from '../../server/http-server';
import { createLazyTransport } from '../../src/sync/lazy-transport';
import type { SyncTransport } from '../../src/sync/transport';
import { describeTransportContract } from './transport-contract';

// Peers in one process would otherwise find each other over BroadcastChannel and never use
// WebRTC; lib0 falls back to a no-op channel without it. Runs before any import.
vi.hoisted(() => {
  Reflect.deleteProperty(globalThis, 'BroadcastChannel');
});

let server: RunningServer | undefined;

beforeAll(async () => {
  // y-webrtc's signaling client uses the global WebSocket, which Node 20 lacks.
  Object.assign(globalThis, { WebSocket });
  server = await startServer({ port: 0, host: '127.0.0.1', distDir: '/nonexistent', log: () => undefined });
});
afterAll(async () => {
  await server?.close();
});

// y-webrtc keeps one module-level room per name, so each device needs its own copy of the
// module (vitest.config.ts inlines y-webrtc so resetModules gives a fresh one); one at a time.
let loading: Promise<unknown> = Promise.resolve();
const freshDevice = (): Promise<SyncTransport> => {
  const next = loading.then(async () => {
    vi.resetModules();
    const { createWebrtcTransport } = await import('../../src/sync/webrtc-transport');
    const relay = `ws://127.0.0.1:${server?.port}/signal`;
    return createWebrtcTransport({ signaling: [relay], iceServers: [], wrtc });
  });
  loading = next.catch(() => undefined);
  return next;
};

describeTransportContract('webrtc (real data channels, LAN relay)', () => ({
  deviceTransport: () => createLazyTransport('webrtc', freshDevice),
  // Reconnecting after a pause can take a room rejoin (see webrtc-transport.ts).
  patienceMs: 30_000,
}));
