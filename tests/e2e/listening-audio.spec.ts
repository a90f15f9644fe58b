import { test, expect } from '@playwright/test';
import { callHook, PLAYER_PATH } from './listening-hook';

// What the learner hears, measured in real Chromium through the real worklet (rendered in OfflineAudioContexts by
// the embed page's test hook, src/audio/offline-checks.ts).

const SETTINGS = {
  defaults: {},
  'lookahead, auto make-up, rms, parallel, partial link': {
    lookaheadMs: 5,
    makeupDb: 'auto' as const,
    detector: 'rms' as const,
    mix: 0.5,
    link: 0.5,
    kneeDb: 6,
    ratio: 8,
  },
};

test.beforeEach(async ({ page }) => {
  await page.goto(PLAYER_PATH);
});

test('the worklet output equals renderOffline of each clip (max diff ≤ 1e-4 after latency alignment)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ids = await callHook(page, 'clipIds');
  expect(ids.length).toBeGreaterThanOrEqual(4);
  for (const id of ids) {
    for (const [name, params] of Object.entries(SETTINGS)) {
      const r = await callHook(page, 'workletVsOffline', id, params);
      console.log(
        `worklet vs offline ${id} (${name}): max diff ${r.maxDiff.toExponential(2)}, latency ${r.latencySamples}`,
      );
      expect(r.frames).toBeGreaterThan(48_000 * 8);
      expect(r.outputPeak).toBeGreaterThan(0.01);
      expect(r.maxDiff).toBeLessThanOrEqual(1e-4);
      expect(r.misalignedDiff).toBeGreaterThan(1e-3);
    }
  }
  const withLookahead = await callHook(page, 'workletVsOffline', 'drums', { lookaheadMs: 5 });
  expect(withLookahead.latencySamples).toBe(240); // 5 ms at 48 kHz
});

test('A/B switches during playback add no step larger than the clip’s own', async ({ page }) => {
  const switches = [
    { atS: 1.0, listenTo: 'original' as const },
    { atS: 2.05, listenTo: 'compressed' as const },
    { atS: 3.1, listenTo: 'removed' as const },
    { atS: 4.15, listenTo: 'original' as const },
    { atS: 5.2, listenTo: 'compressed' as const },
    { atS: 5.215, listenTo: 'original' as const },
  ];
  for (const id of ['drums', 'vocal']) {
    const r = await callHook(page, 'switchSteps', id, switches);
    console.log(
      `switch steps ${id}: clip's own ${r.clipMaxStep.toFixed(4)}; around switches (unswitched paths there) ${r.switches.map((s) => `${s.localMaxStep.toFixed(4)} (${s.pathsLocalMaxStep.toFixed(4)})`).join(', ')}`,
    );
    expect(r.switches.map((s) => s.listenTo)).toEqual(switches.map((s) => s.listenTo));
    for (let i = 0; i < switches.length; i++) {
      const ack = r.switches[i];
      const planned = Math.round((switches[i]?.atS ?? 0) * 48_000);
      // The switch takes effect in the render quantum after the scheduled time.
      expect(ack?.frame ?? 0).toBeGreaterThanOrEqual(planned - 128);
      expect(ack?.frame ?? 0).toBeLessThanOrEqual(planned + 1024);
      expect(ack?.localMaxStep ?? Infinity).toBeLessThanOrEqual(r.clipMaxStep);
      expect(ack?.localMaxStep ?? Infinity).toBeLessThanOrEqual(Math.SQRT2 * (ack?.pathsLocalMaxStep ?? 0) + 1e-6);
    }
  }
});

test('match loudness: Original and Compressed within 0.5 LU; off, the difference the settings imply', async ({
  page,
}) => {
  test.setTimeout(120_000);
  for (const id of ['vocal', 'drums', 'bass', 'mix']) {
    for (const params of [{}, { thresholdDb: -35, ratio: 6, makeupDb: 'auto' as const }]) {
      const r = await callHook(page, 'loudnessMatch', id, params);
      const matched = r.compressedMatchedLufs - r.originalLufs;
      const unmatched = r.compressedUnmatchedLufs - r.originalLufs;
      console.log(
        `loudness ${id} ${JSON.stringify(params)}: matched Δ ${matched.toFixed(3)} LU, unmatched Δ ${unmatched.toFixed(3)} LU, implied ${r.impliedDeltaLu.toFixed(3)} LU`,
      );
      expect(Math.abs(matched)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(unmatched - r.impliedDeltaLu)).toBeLessThanOrEqual(0.1);
      // The settings do change the loudness, so matching had work to do.
      expect(Math.abs(r.impliedDeltaLu)).toBeGreaterThan(0.5);
    }
  }
});

test('sweeping threshold, ratio and make-up during playback adds no zipper noise', async ({ page }) => {
  const r = await callHook(page, 'zipperSweep', 48_000);
  console.log(
    `zipper: sine step ${r.sineStep.toFixed(4)}; swept ${r.swept.stepRatio.toFixed(4)} (peak ${r.swept.outputPeakStart.toFixed(3)} → ${r.swept.outputPeakEnd.toFixed(3)}); steady ${r.steady.stepRatio.toFixed(4)}`,
  );
  // Locally, a smooth glide keeps the largest step at (the sine's own step) × (the local gain).
  expect(r.swept.stepRatio).toBeLessThanOrEqual(1.05);
  expect(r.swept.stepRatio).toBeLessThanOrEqual(r.steady.stepRatio * 1.05);
  // The sweep really moved the level by several dB.
  expect(Math.abs(20 * Math.log10(r.swept.outputPeakEnd / r.swept.outputPeakStart))).toBeGreaterThan(3);
});

// Speed is measured by `npm run bench:audio` / `npm run bench:ui` (numbers, not timed assertions: the machines are
// shared and noisy). This test checks the behaviour those benchmarks time: every change yields a fresh render.
test('every parameter change delivers a fresh lab.render for a 20 s stereo clip', async ({ page }) => {
  const r = await callHook(page, 'renderLatency', 'mix', 20);
  console.log(`render refresh (20 s stereo): p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms`);
  expect(r.timesMs).toHaveLength(20);
  for (const ms of r.timesMs) expect(Number.isFinite(ms) && ms > 0).toBe(true);
});
