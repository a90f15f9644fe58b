// Makes sure a Chromium exists before the browser tests run. When none is found it installs one:
// Playwright's installer where downloads work, otherwise Debian's `chromium` package when running as root on
// Debian; failing both, it stops with a one-line instruction.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

/** @param {string} command @param {string[]} args */
function run(command, args) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

const found = await findChromium();
if (found) {
  console.log(`ensure-chromium: using ${found.path} (${found.source})`);
  process.exit(0);
}

console.log('ensure-chromium: no Chromium found; installing one.');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');

if (isRoot && isDebian) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }).status === 0;
  if (ok && (await findChromium())) process.exit(0);
}
if (run('npx', ['playwright', 'install', 'chromium']) && (await findChromium())) process.exit(0);

console.error(
  'No Chromium found: install one (Debian: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to its executable.',
);
process.exit(1);
