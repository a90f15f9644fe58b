/** Calls into the test player page's hook (tests/hooks/hook.ts) from a Playwright test. */
import type { Page } from '@playwright/test';
import type { CompressorLabHook } from '../hooks/hook';

type HookFn = (...args: never[]) => unknown;
type Callable = {
  [K in keyof CompressorLabHook]: CompressorLabHook[K] extends HookFn ? K : never;
}[keyof CompressorLabHook];

export async function callHook<K extends Callable>(
  page: Page,
  name: K,
  ...args: Parameters<CompressorLabHook[K]>
): Promise<Awaited<ReturnType<CompressorLabHook[K]>>> {
  const result = await page.evaluate(
    async ({ name, args }) => {
      const entry = window.__compressorLab;
      if (!entry) throw new Error('window.__compressorLab is missing: is this the test build (test-hooks/player/)?');
      const hook = (await entry.load()) as unknown as Record<string, (...a: unknown[]) => unknown>;
      const fn = hook[name];
      if (!fn) throw new Error(`the test hook has no ${name}()`);
      return fn(...args);
    },
    { name, args },
  );
  return result as Awaited<ReturnType<CompressorLabHook[K]>>;
}

/** The player page with the test hook: tests/hooks/player.astro, in the test build only (npm run build:test). */
export const PLAYER_PATH = 'test-hooks/player/';
