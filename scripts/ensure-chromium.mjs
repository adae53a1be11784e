// Finds a Chromium for Playwright (CHROMIUM_PATH, then /usr/bin/chromium); on Debian as root
// it installs the distribution package, since `playwright install` cannot download here.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
if (found) {
  console.log(`Using Chromium at ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') || /debian|ubuntu/i.test(readSafe('/etc/os-release'));
if (isRoot && isDebian) {
  console.log('No Chromium found: installing Debian package "chromium" (apt-get)…');
  try {
    execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', { stdio: 'inherit' });
  } catch {
    fail('apt-get could not install chromium.');
  }
  if (existsSync('/usr/bin/chromium')) process.exit(0);
  fail('apt-get finished but /usr/bin/chromium is missing.');
}
fail('No Chromium found.');

function readSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function fail(reason) {
  console.error(
    `${reason}\nThe end-to-end tests need a Chromium binary. Either:\n` +
      '  - install it: sudo apt-get install chromium   (Debian/Ubuntu), or\n' +
      '  - point CHROMIUM_PATH at an existing Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
  );
  process.exit(1);
}
