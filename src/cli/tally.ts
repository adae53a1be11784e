/**
 * Tally CLI: `npm run --silent tally -- FILE.json` (scripts/tally.mjs builds this file to
 * build/node/tally.mjs when needed and calls `runCli`).
 *
 * Reads FILE (or stdin for `-`), validates it with parseTallyInput, prints the result of
 * runTally as JSON on stdout. Any bad input (unreadable file, invalid JSON, unknown method,
 * unknown candidate, bad count/weight/seats/score, ...) prints one line on stderr and exits 2.
 *
 * `--verify FILE` checks a poll audit record instead (signatures, which ballots count, the
 * recount; see verify-audit.ts) and prints the report: exit 0 verified, 1 not verified.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseTallyInput } from '../domain/tally/parse-input';
import { scanRankedInput } from '../domain/tally/ranked-scan';
import { runRankedScan, runTally } from '../domain/tally/run';

export const EXIT_OK = 0;
export const EXIT_NOT_VERIFIED = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
  /** The raw bytes, when available: big ranked files are then counted without decoding them. */
  readonly readBytes?: (path: string) => Uint8Array;
}

const USAGE = 'usage: npm run --silent tally -- [--verify] FILE.json   (FILE "-" reads stdin)';

const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  readBytes: (path) => readFileSync(path === '-' ? 0 : path),
};


const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

const messageOf = (error: unknown): string => oneLine(error instanceof Error ? error.message : String(error));

/**
 * Runs the CLI on its arguments (without node and script) and returns the exit code; a promise of
 * it with --verify (signature checks are asynchronous in WebCrypto).
 */
export function runCli(args: readonly string[], io: CliIo = nodeIo): number | Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const verify = args[0] === '--verify';
  const rest = verify ? args.slice(1) : args;
  const file = rest[0];
  if (file === undefined || rest.length !== 1) {
    io.stderr(`tally: expected exactly one input file\n${USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const fail = (message: string): number => {
    io.stderr(`tally: ${oneLine(message)}\n`);
    return EXIT_BAD_INPUT;
  };
  let bytes: Uint8Array | undefined;
  let text: string;
  try {
    if (!verify && io.readBytes !== undefined) bytes = io.readBytes(file);
    text = bytes === undefined ? io.readFile(file) : '';
  } catch (error) {
    return fail(`cannot read ${file}: ${messageOf(error)}`);
  }
  if (bytes !== undefined) {
    // Big ranked polls in the minimal format skip decoding and JSON.parse; anything else is null.
    const scan = scanRankedInput(bytes);
    if (scan !== null) {
      io.stdout(`${JSON.stringify(runRankedScan(scan), null, 2)}\n`);
      return EXIT_OK;
    }
    // Decoded as readFileSync(path, 'utf8') decodes.
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  const json = text.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return fail(`${file} is not valid JSON: ${messageOf(error)}`);
  }
  if (verify) return runVerify(file, raw, io, fail);
  const request = parseTallyInput(raw);
  if (!request.ok) return fail(`${file}: ${request.error}`);
  io.stdout(`${JSON.stringify(runTally(request.value), null, 2)}\n`);
  return EXIT_OK;
}

async function runVerify(file: string, raw: unknown, io: CliIo, fail: (message: string) => number): Promise<number> {
  // Loaded only for --verify: signature checking (crypto, worker threads) is most of the CLI's code.
  const [{ verifyAudit }, { nativeVerifyBatch }] = await Promise.all([import('./verify-audit'), import('./native-verify')]);
  const report = await verifyAudit(raw, nativeVerifyBatch);
  if (!report.ok) return fail(`${file}: ${report.error}`);
  io.stdout(`${JSON.stringify(report.value, null, 2)}\n`);
  if (report.value.verified) return EXIT_OK;
  io.stderr(`tally: ${file}: not verified: ${report.value.problems.join('; ')}\n`);
  return EXIT_NOT_VERIFIED;
}

/** True when this module is the program Node was started with (not when imported). */
function isEntry(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntry()) {
  void Promise.resolve(runCli(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
