import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { callHook, PLAYER_PATH } from './listening-hook';

// The player as a learner meets it: roles and names, gestures, keys, failures. Real Chromium, built site.

/** Records every AudioBufferSourceNode.start() and whether the page had a user gesture by then. */
async function recordStarts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __starts: { activated: boolean }[] };
    w.__starts = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .apply(this, …)
    const original = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: number[]) {
      w.__starts.push({ activated: navigator.userActivation.hasBeenActive });
      return original.apply(this, args as [number?, number?, number?]);
    };
  });
}

async function starts(page: Page): Promise<{ activated: boolean }[]> {
  return page.evaluate(() => (window as unknown as { __starts: { activated: boolean }[] }).__starts);
}

async function waitForClip(page: Page): Promise<void> {
  await expect.poll(async () => (await callHook(page, 'state')).clipLoaded, { timeout: 15_000 }).toBe(true);
}

test('the player exposes its controls by role and name', async ({ page }) => {
  await page.goto(PLAYER_PATH);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const group = page.getByRole('radiogroup', { name: 'Listen to' });
  for (const name of ['Original', 'Compressed', 'Removed'])
    await expect(group.getByRole('radio', { name })).toBeVisible();
  await expect(group.getByRole('radio', { name: 'Compressed' })).toBeChecked();
  const match = page.getByRole('switch', { name: 'Match loudness' });
  await expect(match).toHaveAttribute('aria-checked', 'true');
  const meter = page.getByRole('meter', { name: 'Gain reduction' });
  await expect(meter).toHaveAttribute('aria-valuemin', '0');
  await expect(meter).toHaveAttribute('aria-valuemax', '24');
  await expect(meter).toHaveAttribute('aria-valuenow', '0');
  await expect(meter).toHaveAttribute('aria-valuetext', '0.0 dB of gain reduction');
  await expect(page.getByText('Space', { exact: true })).toBeVisible();
  await match.click();
  await expect(match).toHaveAttribute('aria-checked', 'false');
  await waitForClip(page);
  await expect(page.getByText(/Compressed is .* (quieter|louder) than the original/)).toBeVisible();
});

test('nothing plays before a gesture, and the first click on Play plays', async ({ page }) => {
  await recordStarts(page);
  await page.goto(PLAYER_PATH);
  await waitForClip(page);
  await page.waitForTimeout(500);
  const before = await callHook(page, 'state');
  expect(before.contextState).toBe('none');
  expect(before.playing).toBe(false);
  expect(await starts(page)).toEqual([]);

  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => (await callHook(page, 'state')).contextState).toBe('running');
  await expect.poll(async () => (await callHook(page, 'state')).playheadS, { timeout: 10_000 }).toBeGreaterThan(0.3);
  const after = await starts(page);
  expect(after).toHaveLength(1);
  expect(after[0]?.activated).toBe(true);
  // The meter moves while the default compressor works on the clip.
  await expect
    .poll(async () => Number(await page.getByRole('meter', { name: 'Gain reduction' }).getAttribute('aria-valuenow')))
    .toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = (await callHook(page, 'state')).playheadS;
  await page.waitForTimeout(300);
  expect((await callHook(page, 'state')).playheadS).toBe(paused);
});

test('A/B switching keeps the playhead running (no restart), by click and by the B key', async ({ page }) => {
  await recordStarts(page);
  await page.goto(PLAYER_PATH);
  await waitForClip(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await callHook(page, 'state')).playheadS, { timeout: 10_000 }).toBeGreaterThan(0.3);
  const group = page.getByRole('radiogroup', { name: 'Listen to' });
  await group.getByRole('radio', { name: 'Original' }).check();
  expect((await callHook(page, 'state')).listenTo).toBe('original');
  await page.locator('h1').click();
  await page.keyboard.press('b');
  await expect(group.getByRole('radio', { name: 'Compressed' })).toBeChecked();
  await page.keyboard.press('B');
  await expect(group.getByRole('radio', { name: 'Original' })).toBeChecked();
  const at = (await callHook(page, 'state')).playheadS;
  await page.waitForTimeout(300);
  expect((await callHook(page, 'state')).playheadS).toBeGreaterThan(at);
  expect(await starts(page)).toHaveLength(1);
  // Space pauses when focus is not in a control.
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect((await callHook(page, 'state')).playing).toBe(false);
});

test('a clip in the URL is validated, never injected', async ({ page }) => {
  await page.goto(`${PLAYER_PATH}?clip=bass`);
  await expect.poll(async () => (await callHook(page, 'state')).clipId).toBe('bass');
  await expect(page.getByRole('combobox', { name: 'Clip' })).toHaveValue('bass');

  const evil = '<img src=x onerror="window.__pwned=1">';
  await page.goto(`${PLAYER_PATH}?clip=${encodeURIComponent(evil)}`);
  await expect(page.getByRole('status').filter({ hasText: 'There is no example clip' })).toBeVisible();
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await waitForClip(page);
});

test('without AudioWorklet the player says so and the page still works', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as { AudioWorkletNode?: unknown }).AudioWorkletNode;
  });
  await page.goto(PLAYER_PATH);
  await expect(page.getByRole('alert')).toContainText('cannot run the compressor');
  await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
  await expect(page.locator('h1')).toBeVisible();
  await page.getByRole('switch', { name: 'Match loudness' }).click();
  await expect(page.getByRole('switch', { name: 'Match loudness' })).toHaveAttribute('aria-checked', 'false');
});

test('a clip that fails to load gives a clear message', async ({ page }) => {
  await page.route(/\/audio\/[^/]+\.(opus|m4a|mp3)$/, (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto(PLAYER_PATH);
  await expect(page.getByRole('alert')).toContainText('could not be loaded');
  await expect(page.getByRole('radiogroup', { name: 'Listen to' })).toBeVisible();
});

test('a corrupt clip that fails to decode gives a clear message', async ({ page }) => {
  await page.route(/\/audio\/[^/]+\.(opus|m4a|mp3)$/, (route) =>
    route.fulfill({ status: 200, contentType: 'audio/ogg', body: Buffer.from('not audio at all') }),
  );
  await page.goto(PLAYER_PATH);
  await expect(page.getByRole('alert')).toContainText('could not be loaded');
});

/** Gaps between the engine's successive writes to the shared playhead while playing, ms (its own clock). */
async function playheadWriteGaps(page: Page, writes: number): Promise<number[]> {
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await callHook(page, 'state')).playing).toBe(true);
  await callHook(page, 'recordPlayhead');
  await expect
    .poll(async () => (await callHook(page, 'playheadWrites')).length, { timeout: 15_000 })
    .toBeGreaterThan(writes);
  const seen = (await callHook(page, 'playheadWrites')).slice(0, writes + 1);
  return seen.slice(1).map((w, i) => w.atMs - (seen[i]?.atMs ?? NaN));
}

test('with reduced motion the shared playhead moves in coarse steps (at most 4 a second), otherwise every frame', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(PLAYER_PATH);
  await waitForClip(page);
  const coarse = await playheadWriteGaps(page, 4);
  // The engine writes at most once per 250 ms (REDUCED_MOTION_INTERVAL_MS). The times here are taken when the
  // write reaches the recorder, a few ms after the engine's own, so the bound is 200 ms: still over ten frames.
  for (const gap of coarse) expect(gap).toBeGreaterThanOrEqual(200);

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.getByRole('button', { name: 'Pause' }).click();
  const smooth = await playheadWriteGaps(page, 20);
  // Without the preference nothing holds the writes back: they follow the animation frames.
  expect(Math.min(...smooth)).toBeLessThan(200);
});

test('playback recovers when the browser suspends the AudioContext', async ({ page }) => {
  await page.goto(PLAYER_PATH);
  await waitForClip(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await callHook(page, 'state')).playheadS, { timeout: 10_000 }).toBeGreaterThan(0.3);
  await callHook(page, 'simulateSuspend');
  await expect.poll(async () => (await callHook(page, 'state')).contextState).toBe('running');
  const at = (await callHook(page, 'state')).playheadS;
  await expect.poll(async () => (await callHook(page, 'state')).playheadS).toBeGreaterThan(at + 0.2);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('on a slow network the clip shows its download progress', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // About 1 Mbit/s: a 19 s Opus clip (~200–300 KB) takes a couple of seconds.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 50,
    downloadThroughput: 125_000,
    uploadThroughput: 125_000,
  });
  await page.goto(PLAYER_PATH);
  const progress = page.getByRole('status').filter({ hasText: /Loading “.+”… \d+ %/ });
  await expect(progress).toBeVisible({ timeout: 15_000 });
  await expect(progress).toBeHidden({ timeout: 30_000 });
  expect((await callHook(page, 'state')).clipLoaded).toBe(true);
});

test('settings changed during playback reach the playing worklet', async ({ page }) => {
  await page.goto(PLAYER_PATH);
  await waitForClip(page);
  await page.getByRole('button', { name: 'Play' }).click();
  const meter = page.getByRole('meter', { name: 'Gain reduction' });
  const reduction = async () => Number(await meter.getAttribute('aria-valuenow'));
  await expect.poll(reduction, { timeout: 10_000 }).toBeGreaterThan(1);
  // Ratio 1 means no compression at all: the meter must fall to zero and stay there.
  await callHook(page, 'setParams', { ratio: 1 });
  await expect.poll(reduction).toBe(0);
  await page.waitForTimeout(500);
  expect(await reduction()).toBe(0);
  await callHook(page, 'setParams', { ratio: 8, thresholdDb: -40 });
  await expect.poll(reduction).toBeGreaterThan(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the playing player, and its failure message, pass axe (${scheme})`, async ({ page }) => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(PLAYER_PATH);
    await waitForClip(page);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await callHook(page, 'state')).playheadS, { timeout: 10_000 }).toBeGreaterThan(0.2);
    await page.getByRole('radio', { name: 'Removed' }).check();
    const playing = await new AxeBuilder({ page }).withTags(tags).analyze();
    expect(playing.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

    await page.route(/\/audio\/[^/]+\.(opus|m4a|mp3)$/, (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto(PLAYER_PATH);
    await expect(page.getByRole('alert')).toBeVisible();
    const failed = await new AxeBuilder({ page }).withTags(tags).analyze();
    expect(failed.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
}
