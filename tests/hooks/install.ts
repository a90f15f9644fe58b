/**
 * Installs `window.__compressorLab` (`{ load(): Promise<CompressorLabHook> }`) on the test build's player page
 * (player.astro). The hook's code (offline checks, benchmark) loads on demand; it changes nothing on the page by
 * itself. It exists for tests/e2e/listening*.spec.ts and scripts/bench-audio.mjs and is never part of `npm run
 * build`'s dist/ (see integration.mjs).
 */
import type { CompressorLabHook } from './hook';

declare global {
  interface Window {
    __compressorLab?: { load(): Promise<CompressorLabHook> };
  }
}

window.__compressorLab = { load: () => import('./hook').then((m) => m.hook) };
