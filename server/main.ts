import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './config';
import { startServer } from './http-server';

const forcedExitMs = 5_000;

/** Bundled to build/node/server.mjs; only start when run directly, never when imported. */
const isEntry = (): boolean => /(?:^|[\\/])(?:server\.mjs|main\.ts)$/.test(process.argv[1] ?? '');

export const main = async (): Promise<void> => {
  const config = readConfig(process.env, process.cwd());
  if (!existsSync(join(config.distDir, 'index.html'))) {
    console.warn(`No built app in ${config.distDir} (run \`npm run build\`); only the relay will be useful.`);
  }
  const server = await startServer({ ...config, log: (line) => console.log(line) });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // Ctrl+C reaches both scripts/start.mjs and us, and start.mjs forwards it too: stop once.
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    setTimeout(() => process.exit(1), forcedExitMs).unref();
    server.close().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

if (isEntry()) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
