/**
 * Installs `window.__compressorLab` on the /embed/player page only: `{ load(): Promise<CompressorLabHook> }`.
 * The hook's code (offline checks, benchmark) loads on demand, so learners never download it. It exists for
 * tests/e2e/listening*.spec.ts and scripts/bench-audio.mjs; it changes nothing on the page by itself.
 */
import type { CompressorLabHook } from './test-hook';

declare global {
  interface Window {
    __compressorLab?: { load(): Promise<CompressorLabHook> };
  }
}

export function installTestHook(): void {
  window.__compressorLab = { load: () => import('./test-hook').then((m) => m.hook) };
}
