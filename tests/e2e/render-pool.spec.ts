import { test, expect } from '@playwright/test';
import { callHook, PLAYER_PATH } from './listening-hook';

// The render arrays the page gives back to the render Worker (src/state/render-loans.ts, render-pool.ts), in real
// Chromium with the real Workers (tests/hooks/pooled-renders.ts): a drag's worth of changes on a 20 s stereo clip.
test('renders written into given-back arrays equal fresh ones, and nothing still shown is given back', async ({
  page,
}) => {
  await page.goto(PLAYER_PATH);
  const r = await callHook(page, 'pooledRenders', 'drums', 12);
  expect(r.renders).toBe(13);
  // Bit for bit the render renderOffline makes on the page's thread.
  expect(r.mismatches).toBe(0);
  // The render before the one shown was never given back while it was the one before.
  expect(r.intactBroken).toBe(0);
  // Renders two back and older went back to the Worker (their arrays emptied here) and were written into again.
  expect(r.givenBack).toBe(11);
  expect(r.emptied).toBe(11);
  expect(r.reuseMessages).toBe(11);
  expect(r.loudnessEqual).toBe(true);
});
