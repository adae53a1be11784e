import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { displayHost, startupBanner } from './banner';
import { createRelay, type RelayOptions, type RelayStats } from './relay';
import { createStaticHandler } from './static';

export interface StartOptions {
  readonly port: number;
  readonly host: string;
  readonly distDir: string;
  readonly log?: (line: string) => void;
  readonly relay?: RelayOptions;
  /** False (RELAY=off): WebSocket upgrades are refused, only the app is served. */
  readonly relayEnabled?: boolean;
}

export interface RunningServer {
  /** http://host:port/ as people should type it. */
  readonly url: string;
  /** The bound port (useful when started on port 0). */
  readonly port: number;
  readonly relayStats: () => RelayStats;
  /** Idempotent: closes WebSockets, then the HTTP server and its keep-alive sockets. */
  readonly close: () => Promise<void>;
}

const listen = (server: Server, port: number, host: string): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

const closeHttp = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** One HTTP server: every WebSocket upgrade goes to the relay (stock clients may use any path), the rest to dist/. */
export const startServer = async (options: StartOptions): Promise<RunningServer> => {
  const relay = createRelay(options.relay);
  const server = createServer(createStaticHandler({ distDir: options.distDir }));
  if (options.relayEnabled === false) server.on('upgrade', (_request, socket) => socket.destroy());
  else server.on('upgrade', relay.handleUpgrade);
  try {
    await listen(server, options.port, options.host);
  } catch (error) {
    await relay.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  for (const line of startupBanner(options.host, port)) options.log?.(line);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${displayHost(options.host)}:${port}/`,
    port,
    relayStats: relay.stats,
    close: () => {
      closing ??= relay.close().then(() => closeHttp(server));
      return closing;
    },
  };
};
