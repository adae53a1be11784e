import { resolve } from 'node:path';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly distDir: string;
  /** RELAY=off serves the app without the signaling relay (tests of serverless pairing). */
  readonly relayEnabled: boolean;
}

const parsePort = (value: string | undefined): number => {
  if (value === undefined || value.trim() === '') return 4321;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0-65535, got "${value}"`);
  return port;
};

/** PORT (4321), HOST (0.0.0.0) and DIST_DIR (dist, relative to cwd) from the environment. */
export const readConfig = (env: NodeJS.ProcessEnv, cwd: string): ServerConfig => ({
  port: parsePort(env.PORT),
  host: env.HOST?.trim() || '0.0.0.0',
  distDir: resolve(cwd, env.DIST_DIR?.trim() || 'dist'),
  relayEnabled: env.RELAY?.trim().toLowerCase() !== 'off',
});
