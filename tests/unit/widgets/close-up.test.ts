/**
 * The close-up view and its measures: step response marks, time conventions checked against the compressor's
 * own render, per-hit crack/body and release measures on synthetic drum hits, the exercises' verdicts, and SVG
 * snapshots of both plots.
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { dcSteps, drumHit, sine } from '../../../src/dsp/signals';
import type { CompressorParams } from '../../../src/dsp/types';
import { ATTACK_MARK, RELEASE_MARK, crossingMs, stepResponse } from '../../../src/widgets/CloseUp/step-response';
import {
  conventionRows,
  ffmpegSettingMs,
  formatMs,
  riseTime10to90Ms,
  timeToChangeMs,
} from '../../../src/widgets/CloseUp/conventions';
import { testSignal, testSignalSteps, STEP_HIGH_DB, STEP_LOW_DB } from '../../../src/widgets/CloseUp/test-signals';
import {
  measureHits,
  median,
  rangeLevelDb,
  reductionRippleDb,
  summariseHits,
} from '../../../src/widgets/CloseUp/hit-measures';
import { closeUpModel } from '../../../src/widgets/CloseUp/model';
import { describeCloseUp } from '../../../src/widgets/CloseUp/describe';
import { closeUpCurvePlot, closeUpReductionPlot } from '../../../src/widgets/CloseUp/plot';
import { checkCrackAndBody, checkRecovery, requireSettings } from '../../../src/widgets/Exercise/timing-checks';
import { normaliseSvg, svgOf } from './svg-snapshot';

const FS = 48000;
const p = (over: Partial<CompressorParams>): CompressorParams => ({ ...DEFAULT_PARAMS, ...over });

/** A DC step 12 dB over a threshold of −20 dB at 4:1 (9 dB target), then back to silence-level −40 dBFS. */
function stepRender(params: CompressorParams, highS = 1, tailS = 1) {
  const x = dcSteps(FS, [
    { levelDb: -40, durationS: 0.1 },
    { levelDb: -8, durationS: highS },
    { levelDb: -40, durationS: tailS },
  ]);
  return { x, render: renderOffline([x], FS, params), up: Math.round(0.1 * FS), down: Math.round((0.1 + highS) * FS) };
}

/** Four synthetic drum hits, 250 ms apart, each a click over a decaying body. */
function drumPattern(): Float32Array {
  const out = new Float32Array(FS);
  const hit = drumHit({ sampleRate: FS, peakDb: -6, durationS: 0.2, decayMs: 60 });
  for (let k = 0; k < 4; k++) out.set(hit, Math.round((0.02 + k * 0.25) * FS));
  return out;
}

describe('step response', () => {
  it('marks 63.2 % at the attack time and 36.8 % left at the release time (to a sample)', () => {
    for (const [a, r] of [
      [1, 20],
      [10, 100],
      [50, 400],
    ] as const) {
      const { render, up, down } = stepRender(p({ attackMs: a, releaseMs: r }), 1, 2);
      const att = stepResponse(render, 'attack', up, down);
      const rel = stepResponse(render, 'release', down, render.appliedReductionDb.length);
      expect(att?.toDb).toBeCloseTo(9, 3);
      expect(att?.markDb).toBeCloseTo(9 * ATTACK_MARK, 3);
      expect(Math.abs((att?.markMs ?? 0) - a)).toBeLessThan(1000 / FS);
      expect(rel?.markDb).toBeCloseTo(9 * RELEASE_MARK, 3);
      expect(Math.abs((rel?.markMs ?? 0) - r)).toBeLessThan(1000 / FS);
    }
  });

  it('interpolates a crossing between samples and says NaN when there is none', () => {
    const v = new Float32Array([0, 0, 1, 2, 3]);
    expect(crossingMs(v, 1, 5, 1.5, true, 1000)).toBeCloseTo(2.5, 9);
    expect(crossingMs(v, 1, 5, 9, true, 1000)).toBeNaN();
    expect(stepResponse(stepRender(p({})).render, 'attack', 0, 10)).toBeNull();
  });
});

describe('time conventions, against the compressor', () => {
  it('10–90 % rise time = τ·ln 9, time to change 10 dB of a 20 dB step = τ·ln 2, measured on a render', () => {
    const tau = 20;
    // ∞:1 at −28 dB with a −8 dBFS step asks for 20 dB of reduction.
    const { render, up, down } = stepRender(p({ attackMs: tau, thresholdDb: -28, ratio: Infinity }));
    const a = render.appliedReductionDb;
    expect(a[down - 1]).toBeCloseTo(20, 3);
    const t10 = crossingMs(a, up, down, 2, true, FS);
    const t90 = crossingMs(a, up, down, 18, true, FS);
    expect(t90 - t10).toBeCloseTo(riseTime10to90Ms(tau), 1);
    expect(crossingMs(a, up, down, 10, true, FS)).toBeCloseTo(timeToChangeMs(tau, 20), 1);
    expect(timeToChangeMs(tau, 20)).toBeCloseTo(tau * Math.LN2, 9);
    expect(timeToChangeMs(tau, 9)).toBeNaN();
  });

  it('FFmpeg acompressor: the setting whose per-sample step equals ours is about 4 τ', () => {
    for (const tau of [1, 10, 100]) {
      const t = ffmpegSettingMs(tau, FS);
      // Source: libavfilter/af_sidechaincompress.c, coeff = 1 / (t_ms · fs / 4000).
      expect(4000 / (t * FS)).toBeCloseTo(1 - Math.exp(-1000 / (tau * FS)), 12);
      // t = 4τ plus half a sample's worth (4 · 0.5/fs), from expanding the exponential.
      expect(t - 4 * tau).toBeGreaterThan(0);
      expect(t - 4 * tau).toBeLessThan(2100 / FS);
    }
  });

  it('rows and formatting', () => {
    expect(conventionRows(10, FS).map((r) => [r.convention, formatMs(r.value)])).toEqual([
      ['Time constant (this site)', '10 ms'],
      ['10–90 % rise time', '22 ms'],
      ['Time to change 10 dB', '6.9 ms'],
      ['FFmpeg acompressor setting', '40 ms'],
    ]);
    expect([0.1, 2.197, 15.87, 219.7, 1500].map(formatMs)).toEqual(['0.1 ms', '2.2 ms', '15.9 ms', '220 ms', '1.5 s']);
  });
});

describe('test signals', () => {
  it('the level step: −40, −8, −40 dBFS with the steps where testSignalSteps says', () => {
    const s = testSignal('test-step');
    const x = s.channels[0] ?? new Float32Array();
    const { up, down, end } = testSignalSteps(s.sampleRate, x.length);
    expect(end).toBe(x.length);
    expect(20 * Math.log10(x[up - 1] ?? 0)).toBeCloseTo(STEP_LOW_DB, 4);
    expect(20 * Math.log10(x[up] ?? 0)).toBeCloseTo(STEP_HIGH_DB, 4);
    expect(20 * Math.log10(x[down] ?? 0)).toBeCloseTo(STEP_LOW_DB, 4);
  });

  it('the tone burst: a 1 kHz sine whose peak follows the same levels', () => {
    const s = testSignal('test-burst');
    const x = s.channels[0] ?? new Float32Array();
    const { up } = testSignalSteps(s.sampleRate, x.length);
    const peak = (a: number, b: number) => Math.max(...Array.from(x.subarray(a, b), Math.abs));
    expect(20 * Math.log10(peak(up + 480, up + 960))).toBeCloseTo(STEP_HIGH_DB, 2);
    expect(20 * Math.log10(peak(0, 480))).toBeCloseTo(STEP_LOW_DB, 2);
    const ref = sine({ sampleRate: FS, frequencyHz: 1000, peakDb: STEP_HIGH_DB, durationS: 0.1 });
    expect(x[up + 7]).toBeCloseTo(ref[up + 7 - 4800 * 2] ?? 0, 5);
  });
});

describe('hit measures', () => {
  it('rangeLevelDb is the RMS level: a full-scale sine reads −3 dB', () => {
    const s = sine({ sampleRate: FS, frequencyHz: 1000, peakDb: 0, durationS: 0.1 });
    expect(rangeLevelDb([s], 0, s.length)).toBeCloseTo(-3.01, 2);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('a slow attack lets the crack through; a fast one turns it down with the body', () => {
    const x = [drumPattern()];
    const at = (attackMs: number) =>
      summariseHits(measureHits(x, renderOffline(x, FS, p({ thresholdDb: -30, attackMs }))));
    const fast = at(0.1);
    const slow = at(30);
    expect(fast.count).toBe(4);
    expect(slow.crackDownDb).toBeLessThan(fast.crackDownDb);
    expect(slow.bodyDownDb - slow.crackDownDb).toBeGreaterThan(fast.bodyDownDb - fast.crackDownDb);
    expect(fast.crackDownDb).toBeGreaterThan(3);
  });

  it('a slow release leaves reduction before the next hit; a fast one ripples on a low tone', () => {
    const x = [drumPattern()];
    const left = (releaseMs: number) =>
      summariseHits(measureHits(x, renderOffline(x, FS, p({ thresholdDb: -30, releaseMs })))).leftBeforeDb;
    expect(left(20)).toBeLessThan(0.1);
    expect(left(1000)).toBeGreaterThan(3);
    const bass = [sine({ sampleRate: FS, frequencyHz: 55, peakDb: -6, durationS: 1 })];
    const ripple = (releaseMs: number) =>
      reductionRippleDb(renderOffline(bass, FS, p({ thresholdDb: -30, releaseMs })));
    expect(ripple(5)).toBeGreaterThan(5 * ripple(500));
    expect(reductionRippleDb(renderOffline(bass, FS, p({ thresholdDb: 0 })))).toBe(0);
  });
});

describe('exercise checks', () => {
  const x = [drumPattern()];
  const clip = (over: Partial<CompressorParams>) => ({
    title: 'Test kit',
    input: x,
    render: renderOffline(x, FS, p({ thresholdDb: -30, ...over })),
  });
  it('crack and body: too fast, too slow and between, each naming the clip', () => {
    const fast = checkCrackAndBody(clip({ attackMs: 0.1 }), 4);
    expect(fast.verdict).toBe('too-much');
    expect(fast.message).toContain('On the test kit');
    expect(checkCrackAndBody(clip({ attackMs: 200 }), 4).verdict).toBe('too-little');
    expect(checkCrackAndBody(clip({ thresholdDb: 0 }), 4).verdict).toBe('too-little');
  });

  it('recovery: names both clips; too slow on the drums, too fast on the bass', () => {
    const bass = [sine({ sampleRate: FS, frequencyHz: 55, peakDb: -6, durationS: 1 })];
    const tone = (releaseMs: number) => ({
      title: 'Test bass',
      input: bass,
      render: renderOffline(bass, FS, p({ thresholdDb: -30, releaseMs })),
    });
    const slow = checkRecovery(clip({ releaseMs: 2000 }), tone(2000));
    expect(slow.verdict).toBe('too-much');
    expect(slow.message).toContain('test kit');
    expect(slow.message).toContain('test bass');
    expect(checkRecovery(clip({ releaseMs: 5 }), tone(5)).verdict).toBe('too-little');
  });

  it('requires the lesson settings', () => {
    expect(requireSettings({ thresholdDb: -30, ratio: 4 }, { thresholdDb: -30, ratio: 4 })).toBeNull();
    expect(requireSettings({ thresholdDb: -20, ratio: 4 }, { thresholdDb: -30, ratio: 4 })?.message).toContain(
      'the threshold at −30 dB',
    );
  });
});

describe('close-up model, description and plots', () => {
  const s = testSignal('test-step');
  const params = p({});
  const render = renderOffline(s.channels, s.sampleRate, params);

  it('attack on the step: 63 % mark at 10 ms, operating point between the diagonal and the curve', () => {
    const m = closeUpModel(s.channels, render, params, 'test', 'attack', 300);
    expect(m.startMs).toBeCloseTo(-10, 6);
    expect(m.endMs).toBeCloseTo(40, 6);
    expect(m.points.length).toBe(300);
    expect(m.targetFlickers).toBe(false);
    expect(m.mark?.tMs).toBeCloseTo(10, 3);
    expect(m.operating?.inDb).toBeCloseTo(-8, 4);
    expect(m.operating?.outDb).toBeCloseTo(-8 - 9 * ATTACK_MARK, 1);
    expect(m.operating?.staticOutDb).toBe(-17);
    expect(describeCloseUp(m, params, s.title)).toBe(
      'Level step, attack 10 ms: at the step the target reduction jumps to 9 dB at once. The applied reduction ' +
        'starts moving in the same instant (after 1 ms, a tenth of the attack time, it is already 0.9 dB) and ' +
        'settles at 9 dB; it covers 63 % of that change, 5.7 dB, after 10 ms. On the transfer curve, at 10 ms an input of −8 dBFS ' +
        'comes out at −13.7 dBFS; the curve alone would put it at −17 dBFS.',
    );
  });

  it('release on the step and a clip without hits', () => {
    const m = closeUpModel(s.channels, render, params, 'test', 'release', 300);
    expect(m.mark?.tMs).toBeCloseTo(100, 2);
    expect(describeCloseUp(m, params, s.title)).toContain('36.8 % of it (3.3 dB) still left after 100 ms');
    const quiet = renderOffline(s.channels, s.sampleRate, p({ thresholdDb: 0 }));
    const none = closeUpModel(s.channels, quiet, p({ thresholdDb: 0 }), 'clip', 'attack', 300);
    expect(describeCloseUp(none, p({ thresholdDb: 0 }), 'Level step')).toContain('no hit goes over the threshold');
  });

  it('on hits: crack and body shaded, the mark at the end of the crack; the release follows to the next hit', () => {
    const x = [drumPattern()];
    const hp = p({ thresholdDb: -30 });
    const r = renderOffline(x, FS, hp);
    const a = closeUpModel(x, r, hp, 'clip', 'attack', 300);
    expect(a.regions.map((g) => g.label)).toEqual(['crack', 'body']);
    expect(a.targetFlickers).toBe(true);
    expect(a.mark?.tMs).toBe(5);
    expect(describeCloseUp(a, hp, 'Test kit')).toMatch(/median crack is turned down by [\d.]+ dB/);
    const rel = closeUpModel(x, r, hp, 'clip', 'release', 300);
    expect(rel.nextMs).toBeCloseTo(250, -1);
    expect(rel.mark?.label).toBe('36.8 % left');
    expect(rel.leftMark?.tMs).toBeCloseTo(rel.nextMs ?? 0, -1);
    expect(rel.leftMark?.db).toBeCloseTo(rel.nextLeftDb ?? NaN, 6);
    expect(describeCloseUp(rel, hp, 'Test kit')).toMatch(/Just before the next hit, \d+ ms after this one/);
  });

  it('SVG snapshots of the reduction close-up and the operating point', () => {
    const m = closeUpModel(s.channels, render, params, 'test', 'attack', 120);
    expect(normaliseSvg(svgOf(closeUpReductionPlot(m, { width: 520 })))).toMatchSnapshot();
    expect(normaliseSvg(svgOf(closeUpCurvePlot(m, params, { size: 220 })))).toMatchSnapshot();
  });
});
