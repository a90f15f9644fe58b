// Finds a Chromium for Playwright, in this order: $CHROMIUM_PATH (or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH),
// the system's chromium / chromium-browser / google-chrome, then Playwright's own browser cache.
// Returns an absolute path, or null when there is none.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** @param {string} name */
function onPath(name) {
  try {
    const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    return found || null;
  } catch {
    return null;
  }
}

async function playwrightCache() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** @returns {Promise<{ path: string; source: string } | null>} */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH ?? process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
    return { path: fromEnv, source: 'environment' };
  }
  for (const name of SYSTEM_NAMES) {
    const path = onPath(name);
    if (path) return { path, source: 'system' };
  }
  const cached = await playwrightCache();
  return cached ? { path: cached, source: "Playwright's cache" } : null;
}

/** Launch flags that keep Chromium quiet on a machine without internet and let it run as root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--autoplay-policy=user-gesture-required',
];
