import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type RunningServer, startServer } from '../../server/http-server';
import type { RelayOptions } from '../../server/relay';

type Message = Readonly<Record<string, unknown>>;

interface TestClient {
  readonly socket: WebSocket;
  readonly send: (message: unknown) => void;
  /** The next message not yet consumed, in arrival order. */
  readonly next: () => Promise<Message>;
  /** Skips messages until one matches. */
  readonly nextMatching: (predicate: (message: Message) => boolean) => Promise<Message>;
  /** Resolves with the close code. */
  readonly closed: Promise<number>;
}

const waitMs = 5_000;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const withTimeout = <T>(promise: Promise<T>, label: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${label}`)), waitMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

const startTestServer = async (relay?: RelayOptions): Promise<RunningServer> => {
  const distDir = await mkdtemp(join(tmpdir(), 'chapterhouse-relay-'));
  cleanups.push(() => rm(distDir, { recursive: true, force: true }));
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>test</title>');
  const lines: string[] = [];
  const server = await startServer({ port: 0, host: '127.0.0.1', distDir, log: (line) => lines.push(line), relay });
  cleanups.push(() => server.close());
  expect(lines[0]).toBe('Chapterhouse is running:');
  return server;
};

const parse = (data: unknown): Message => {
  const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not an object: ${text}`);
  return value as Message;
};

const openSocket = (url: string, options?: { readonly autoPong?: boolean }): WebSocket => {
  const socket = new WebSocket(url, options);
  // Write errors after the server hangs up must not fail the test run.
  socket.on('error', () => {});
  cleanups.push(() => socket.terminate());
  return socket;
};

const connect = async (
  server: RunningServer,
  options?: { readonly path?: string; readonly autoPong?: boolean },
): Promise<TestClient> => {
  const socket = openSocket(`ws://127.0.0.1:${server.port}${options?.path ?? '/signal'}`, options);
  const queue: Message[] = [];
  const waiters: ((message: Message) => void)[] = [];
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.on('message', (data) => {
    const message = parse(data);
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  await withTimeout(
    new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    }),
    'open',
  );
  const next = (): Promise<Message> => {
    const queued = queue.shift();
    if (queued) return Promise.resolve(queued);
    return withTimeout(new Promise<Message>((resolve) => waiters.push(resolve)), 'a message');
  };
  const nextMatching = async (predicate: (message: Message) => boolean): Promise<Message> => {
    for (;;) {
      const message = await next();
      if (predicate(message)) return message;
    }
  };
  return {
    socket,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next,
    nextMatching,
    closed,
  };
};

/** The relay handles one connection's frames in order, so a pong proves everything before it was processed. */
const roundTrip = async (client: TestClient): Promise<void> => {
  client.send({ type: 'ping' });
  await client.nextMatching((message) => message.type === 'pong');
};

/** Like roundTrip, but also asserts nothing else arrived first. */
const expectNothingBeforePong = async (client: TestClient): Promise<void> => {
  client.send({ type: 'ping' });
  expect(await client.next()).toEqual({ type: 'pong' });
};

const subscribe = async (client: TestClient, topics: readonly unknown[]): Promise<void> => {
  client.send({ type: 'subscribe', topics });
  await roundTrip(client);
};

/** A fresh pair of clients can still talk through the relay. */
const expectRelayWorks = async (server: RunningServer): Promise<void> => {
  const [alice, bob] = await Promise.all([connect(server), connect(server)]);
  await subscribe(bob, ['health']);
  alice.send({ type: 'publish', topic: 'health', data: 'still here' });
  expect(await bob.next()).toEqual({ type: 'publish', topic: 'health', data: 'still here', clients: 1 });
};

describe('signaling relay', () => {
  it('forwards publishes verbatim to every subscriber with the client count', async () => {
    const server = await startTestServer();
    const [alice, bob, carol] = await Promise.all([connect(server), connect(server), connect(server)]);
    await subscribe(alice, ['room-1']);
    await subscribe(bob, ['room-1', 'room-2']);
    await subscribe(carol, ['room-2']);

    const data = { type: 'announce', from: 'peer-a', nested: { list: [1, 'two', null] } };
    alice.send({ type: 'publish', topic: 'room-1', data });
    const expected = { type: 'publish', topic: 'room-1', data, clients: 2 };
    expect(await bob.next()).toEqual(expected);
    // Like the reference server, the sender gets its own publish if subscribed.
    expect(await alice.next()).toEqual(expected);
    await expectNothingBeforePong(carol);
    expect(server.relayStats()).toMatchObject({ connections: 3, topics: 2 });
  });

  it('stops delivering after unsubscribe and forgets empty topics', async () => {
    const server = await startTestServer();
    const [alice, bob] = await Promise.all([connect(server), connect(server)]);
    await subscribe(bob, ['room']);
    bob.send({ type: 'unsubscribe', topics: ['room'] });
    await roundTrip(bob);
    expect(server.relayStats().topics).toBe(0);

    alice.send({ type: 'publish', topic: 'room', data: 'hello?' });
    await roundTrip(alice);
    await expectNothingBeforePong(bob);
  });

  it('answers ping with pong, and accepts upgrades on any path', async () => {
    const server = await startTestServer();
    const bare = await connect(server, { path: '/' });
    await expectNothingBeforePong(bare);
    const other = await connect(server, { path: '/some/room?x=1' });
    await expectNothingBeforePong(other);
  });

  it('ignores malformed and unexpected messages without dropping the connection', async () => {
    const server = await startTestServer();
    const [alice, bob] = await Promise.all([connect(server), connect(server)]);
    await subscribe(bob, ['room']);
    const junk: readonly unknown[] = [
      '{not json',
      '',
      'null',
      '[]',
      '[{"type":"ping"}]',
      '42',
      '"subscribe"',
      'true',
      { type: 'nope' },
      { type: 42 },
      { type: null },
      { topics: ['room'] },
      { type: 'subscribe', topics: 'room' },
      { type: 'subscribe', topics: { 0: 'room' } },
      { type: 'subscribe', topics: [1, null, {}, ['nested']] },
      { type: 'subscribe', topics: ['x'.repeat(257)] },
      { type: 'unsubscribe', topics: 7 },
      { type: 'publish' },
      { type: 'publish', topic: 5, data: 'x' },
      { type: 'publish', topic: ['room'], data: 'x' },
      { type: 'publish', topic: '', data: 'x' },
      { type: 'publish', topic: 'x'.repeat(257), data: 'x' },
      { type: 'publish', topic: 'nobody-here', data: 'x' },
      { type: 'pong' },
      { __proto__: { type: 'ping' } },
    ];
    for (const message of junk) alice.send(message);
    alice.socket.send(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x7b, 0x22]));
    alice.socket.send(new Uint8Array(0));

    await expectNothingBeforePong(alice);
    await expectNothingBeforePong(bob);
    expect(server.relayStats().topics).toBe(1);
    alice.send({ type: 'publish', topic: 'room', data: 'after junk' });
    expect(await bob.next()).toMatchObject({ data: 'after junk', clients: 1 });
    await expectRelayWorks(server);
  });

  it('closes connections that send oversize messages with 1009 and keeps serving others', async () => {
    const server = await startTestServer();
    const [alice, bob] = await Promise.all([connect(server), connect(server)]);
    await subscribe(bob, ['room']);
    alice.send({ type: 'publish', topic: 'room', data: 'x'.repeat(1024 * 1024) });
    expect(await withTimeout(alice.closed, 'close')).toBe(1009);
    await expectNothingBeforePong(bob);
    await expectRelayWorks(server);
  });

  it('honours a smaller message limit', async () => {
    const server = await startTestServer({ maxMessageBytes: 1024 });
    const alice = await connect(server);
    alice.send({ type: 'publish', topic: 'room', data: 'x'.repeat(2048) });
    expect(await withTimeout(alice.closed, 'close')).toBe(1009);
    await expectRelayWorks(server);
  });

  it('caps the topics one connection can subscribe to', async () => {
    const server = await startTestServer();
    const [alice, bob] = await Promise.all([connect(server), connect(server)]);
    const topics = Array.from({ length: 100 }, (_, i) => `t${i}`);
    await subscribe(bob, topics);
    await subscribe(bob, ['one-more']);
    expect(server.relayStats().topics).toBe(64);

    alice.send({ type: 'publish', topic: 't99', data: 'over the cap' });
    alice.send({ type: 'publish', topic: 'one-more', data: 'over the cap' });
    await roundTrip(alice);
    await expectNothingBeforePong(bob);

    // Unsubscribing frees a slot.
    bob.send({ type: 'unsubscribe', topics: ['t0'] });
    await subscribe(bob, ['one-more']);
    alice.send({ type: 'publish', topic: 'one-more', data: 'fits now' });
    expect(await bob.next()).toMatchObject({ topic: 'one-more', data: 'fits now' });
    await expectRelayWorks(server);
  });

  it('drops connections that stop answering pings', async () => {
    const server = await startTestServer({ idleTimeoutMs: 150 });
    const silent = await connect(server, { autoPong: false });
    const lively = await connect(server);
    await withTimeout(silent.closed, 'idle close');
    // The lively client answers pings across several sweeps and stays open.
    await withTimeout(
      new Promise<void>((resolve) => {
        let pings = 0;
        lively.socket.on('ping', () => {
          pings += 1;
          if (pings === 3) resolve();
        });
      }),
      'pings',
    );
    await expectNothingBeforePong(lively);
  });

  it('rejects connections over the limit', async () => {
    const server = await startTestServer({ maxConnections: 2 });
    await Promise.all([connect(server), connect(server)]);
    const third = openSocket(`ws://127.0.0.1:${server.port}/signal`);
    const error = await withTimeout(new Promise<Error>((resolve) => third.once('error', resolve)), 'rejection');
    expect(error.message).toContain('503');
    expect(server.relayStats().connections).toBe(2);
  });

  it('survives 1,000 random messages on one connection', async () => {
    const server = await startTestServer();
    const protocolish = fc
      .record(
        {
          type: fc.oneof(fc.constantFrom('subscribe', 'unsubscribe', 'publish', 'ping', 'pong'), fc.anything()),
          topics: fc.oneof(fc.array(fc.string({ maxLength: 300 }), { maxLength: 80 }), fc.anything()),
          topic: fc.oneof(fc.string({ maxLength: 300 }), fc.anything()),
          data: fc.anything(),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value));
    const fuzzMessage = fc.oneof(
      protocolish,
      fc.json({ maxDepth: 4 }),
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 512 }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(fuzzMessage, { minLength: 1000, maxLength: 1000 }), async (messages) => {
        const [fuzzer, observer] = await Promise.all([connect(server), connect(server)]);
        const marker = `done-${Math.random()}`;
        await subscribe(observer, ['fuzz-barrier']);
        for (const message of messages) {
          if (typeof message === 'string') fuzzer.socket.send(message);
          else fuzzer.socket.send(message, { binary: true });
        }
        fuzzer.send({ type: 'publish', topic: 'fuzz-barrier', marker });
        await observer.nextMatching((message) => message.marker === marker);
        await roundTrip(fuzzer);
        expect(fuzzer.socket.readyState).toBe(WebSocket.OPEN);
        expect(server.relayStats().topics).toBeLessThanOrEqual(64 + 1);
        fuzzer.socket.terminate();
        observer.socket.terminate();
        await Promise.all([fuzzer.closed, observer.closed]);
      }),
      { numRuns: 1 },
    );
    await expectRelayWorks(server);
  });
});
