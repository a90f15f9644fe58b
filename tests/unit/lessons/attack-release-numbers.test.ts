/**
 * Every number the Attack and Release lessons quote, derived here from the compressor (renderOffline) and the
 * same measuring code the close-up view and the exercises use, and checked against the lesson text, so prose,
 * plots and verdicts cannot drift apart. Clip numbers come from the shipped Opus files (decode-clip.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { staticOutputDb } from '../../../src/dsp/gain-computer';
import { DEFAULT_PARAMS, PARAM_SPECS } from '../../../src/dsp/params';
import type { CompressorParams } from '../../../src/dsp/types';
import { sliderScale } from '../../../src/widgets/Controls/model';
import { closeUpModel } from '../../../src/widgets/CloseUp/model';
import { describeCloseUp } from '../../../src/widgets/CloseUp/describe';
import { conventionRows, formatMs } from '../../../src/widgets/CloseUp/conventions';
import {
  BODY_END_MS,
  CRACK_MS,
  RIPPLE_SLICE_MS,
  measureHits,
  reductionRippleDb,
  summariseHits,
} from '../../../src/widgets/CloseUp/hit-measures';
import {
  STEP_HIGH_DB,
  STEP_HIGH_S,
  STEP_LOW_DB,
  TONE_HZ,
  testSignal,
  testSignalSteps,
} from '../../../src/widgets/CloseUp/test-signals';
import {
  CRACK_PASSES_DB,
  RECOVERED_DB,
  RIPPLE_MAX_DB,
  checkCrackAndBody,
  checkRecovery,
} from '../../../src/widgets/Exercise/timing-checks';
import { formatDbShort } from '../../../src/widgets/shared/describe';
import { SKIP_CLIP_TESTS, clipTitle, decode as decodeClip, requireFfmpeg } from '../support/clip-audio';

const lesson = (name: string) => readFileSync(`content/lessons/${name}.mdx`, 'utf8').replace(/\s+/g, ' ');
const attack = lesson('attack');
const release = lesson('release');
const p = (over: Partial<CompressorParams>): CompressorParams => ({ ...DEFAULT_PARAMS, ...over });
const db = (v: number) => formatDbShort(v);
const dbfs = (v: number) => formatDbShort(v, 'dBFS');
const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;
/** The clip settings both "Hear it" sections and both exercises use. */
const CLIP = { thresholdDb: -30, ratio: 4 } as const;

function stepCloseUp(id: 'test-step' | 'test-burst', kind: 'attack' | 'release', over: Partial<CompressorParams> = {}) {
  const s = testSignal(id);
  const params = p(over);
  const render = renderOffline(s.channels, s.sampleRate, params);
  const model = closeUpModel(s.channels, render, params, 'test', kind, 800);
  return { s, params, render, model, text: describeCloseUp(model, params, s.title) };
}

/** Every value the slider can take between lo and hi. */
function sliderValues(key: 'attackMs' | 'releaseMs', lo: number, hi: number): number[] {
  const scale = sliderScale(PARAM_SPECS[key]);
  const all = new Set(Array.from({ length: scale.last + 1 }, (_, i) => scale.fromPosition(i)));
  return [...all].filter((v) => v >= lo && v <= hi);
}

describe('Attack lesson: the test signal', () => {
  it('the step: −40 to −8 dBFS, 12 dB over the −20 dB threshold, a 9 dB target, 1 kHz for the tone', () => {
    expect([STEP_LOW_DB, STEP_HIGH_DB, DEFAULT_PARAMS.thresholdDb]).toEqual([-40, -8, -20]);
    expect(STEP_HIGH_DB - DEFAULT_PARAMS.thresholdDb).toBe(12);
    expect(TONE_HZ).toBe(1000);
    expect(attack).toContain('jumps from −40 dBFS (below the −20 dB threshold) to −8 dBFS (12 dB over it)');
    expect(attack).toContain('as a 1 kHz tone you could hear');
    const { model, text } = stepCloseUp('test-step', 'attack');
    expect(db(model.step?.toDb ?? 0)).toBe('9 dB');
    expect(text).toContain('jumps to 9 dB at once');
    expect(attack).toContain('The target jumps to 9 dB at the instant of the step');
  });

  it('63 % (5.7 dB) after exactly 10 ms; 0.9 dB after 1 ms; the operating point at −13.7 dBFS', () => {
    const { model, text } = stepCloseUp('test-step', 'attack');
    expect(DEFAULT_PARAMS.attackMs).toBe(10);
    expect(model.step?.markMs).toBeCloseTo(10, 3);
    expect(text).toContain('settles at 9 dB; it covers 63 % of that change, 5.7 dB, after 10 ms');
    expect(attack).toContain('The applied reduction reaches 63 % of that, 5.7 dB, after exactly 10 ms');
    expect(text).toContain('after 1 ms, a tenth of the attack time, it is already 0.9 dB');
    expect(attack).toContain('After 1 ms, a tenth of the attack time, the reduction is already 0.9 dB');
    // The reduction leaves zero on the first sample after the step: no delay.
    const at = model.step?.stepIndex ?? 0;
    const { render } = stepCloseUp('test-step', 'attack');
    expect(render.appliedReductionDb[at - 1]).toBe(0);
    expect(render.appliedReductionDb[at]).toBeGreaterThan(0);
    const o = model.operating;
    expect([dbfs(o?.inDb ?? 0), dbfs(o?.outDb ?? 0), dbfs(o?.staticOutDb ?? 0)]).toEqual([
      '−8 dBFS',
      '−13.7 dBFS',
      '−17 dBFS',
    ]);
    expect(staticOutputDb(-8, p({}))).toBe(-17);
    expect(attack).toContain('10 ms after the step, the −8 dBFS input comes out at −13.7 dBFS');
    expect(attack).toContain("from −8 dBFS (no change) to the curve's −17 dBFS");
  });

  it('63 %, 86 % and 95 % after one, two and three attack times (measured on the render)', () => {
    const { render, model } = stepCloseUp('test-step', 'attack');
    const at = (ms: number) => (render.appliedReductionDb[(model.step?.stepIndex ?? 0) + ms * 48 - 1] ?? 0) / 9;
    expect([at(10), at(20), at(30)].map((v) => `${Math.round(v * 100)} %`)).toEqual(['63 %', '86 %', '95 %']);
    expect(attack).toContain('86 % after two attack times, 95 % after three');
  });

  it('the tone burst settles at 7.9 dB and reaches 63 % later, at 15.9 ms', () => {
    const { model, text } = stepCloseUp('test-burst', 'attack');
    expect(formatMs(model.step?.markMs ?? NaN)).toBe('15.9 ms');
    expect(text).toContain('jumps to 9 dB at once');
    expect(text).toContain('settles at 7.9 dB; it covers 63 % of that change, 5 dB, after 15.9 ms');
    expect(attack).toContain(
      'the applied reduction settles lower, at 7.9 dB instead of 9 dB, and its 63 % point moves later, to 15.9 ms',
    );
  });

  it('the conventions table for 10 ms', () => {
    const rows = conventionRows(10, 48000).map((r) => formatMs(r.value));
    expect(rows).toEqual(['10 ms', '22 ms', '6.9 ms', '40 ms']);
    expect(attack).toMatch(/\| Time constant \(this site\) \| 10 ms \|/);
    expect(attack).toMatch(/\| 10–90 % rise time \| 22 ms \|/);
    expect(attack).toMatch(/\| Time to change 10 dB \(a 20 dB step\) \| 6\.9 ms \|/);
    expect(attack).toMatch(/\| FFmpeg `acompressor` attack setting \| 40 ms \|/);
    expect((conventionRows(1, 48000)[1]?.value ?? 0).toFixed(1)).toBe('2.2');
    expect(Math.round(conventionRows(10, 48000)[3]?.value ?? 0) / 10).toBe(4);
    expect(attack).toContain("about 2.2 times the time constant, and FFmpeg's setting about four times it");
    expect(attack).toContain('"attack 40 ms"');
  });
});

describe.skipIf(SKIP_CLIP_TESTS)('Attack lesson: the clips', () => {
  beforeAll(requireFfmpeg);
  const hits = (id: string, attackMs: number) => {
    const x = decodeClip(id);
    return summariseHits(measureHits(x, renderOffline(x, 48000, p({ ...CLIP, attackMs }))));
  };

  it('crack (first 5 ms) and body (5 to 50 ms) on the drums at 1 and 30 ms', () => {
    expect([CRACK_MS, BODY_END_MS]).toEqual([5, 50]);
    expect(attack).toContain(
      "the first 5 ms, the stick's crack — and its **body**, the ring that follows (5 to 50 ms)",
    );
    expect(attack).toContain(
      'with the threshold at −30 dB and the ratio at 4 to 1, starting from a very fast attack of 1 ms',
    );
    expect(attack).toContain('initial={{ thresholdDb: -30, ratio: 4, attackMs: 1 }}');
    const fast = hits('drums', 1);
    const slow = hits('drums', 30);
    expect([db(fast.crackDownDb), db(fast.bodyDownDb)]).toEqual(['3.7 dB', '10 dB']);
    expect(attack).toContain('the median crack is turned down by 3.7 dB and the body by 10 dB');
    expect([db(slow.crackDownDb), db(slow.bodyDownDb)]).toEqual(['0.7 dB', '3 dB']);
    expect(attack).toContain(
      'At 30 ms the crack passes almost untouched (0.7 dB down) while the body still comes down by 3 dB',
    );
  }, 120_000);

  it('the full band at 1 ms: 7.6 dB against 9.6 dB', () => {
    const mix = hits('mix', 1);
    expect([db(mix.crackDownDb), db(mix.bodyDownDb)]).toEqual(['7.6 dB', '9.6 dB']);
    expect(attack).toContain('(7.6 dB against 9.6 dB at 1 ms)');
  }, 120_000);

  it('typical drum attacks of 10–30 ms let the crack through: it is turned down less than the body', () => {
    for (const a of [10, 30]) {
      const s = hits('drums', a);
      expect(s.bodyDownDb - s.crackDownDb).toBeGreaterThan(2);
    }
    expect(attack).toContain('**Drums for punch:** 10–30 ms');
  }, 120_000);

  it('exercise: not yet at 1 and 30 ms, yes at 10 ms; the passing attacks run from 6.1 to 18 ms', () => {
    const x = decodeClip('drums');
    const title = clipTitle('drums');
    const verdict = (attackMs: number) =>
      checkCrackAndBody({ title, input: x, render: renderOffline(x, 48000, p({ ...CLIP, attackMs })) }, 4);
    expect(verdict(1).verdict).toBe('too-much');
    expect(verdict(30).verdict).toBe('too-little');
    const yes = verdict(10);
    expect(yes.verdict).toBe('good');
    expect(yes.message).toContain('On the drum groove'.toLowerCase());
    const passing = sliderValues('attackMs', 2, 40).filter((a) => verdict(a).verdict === 'good');
    expect([formatMs(Math.min(...passing)), formatMs(Math.max(...passing))]).toEqual(['6.1 ms', '18 ms']);
    expect(attack).toContain('The attacks that pass lie between 6.1 ms and 18 ms');
    expect(CRACK_PASSES_DB).toBe(1.5);
    expect(attack).toContain(
      'turned down by no more than 1.5 dB) while their body is turned down by **at least 4 dB**',
    );
    expect(attack).toContain('bodyMinDb={4} thresholdDb={-30} ratio={4}');
  }, 300_000);
});

describe('Release lesson: the test signal', () => {
  it('36.8 % left after one release time, 13.5 % after two, 5 % after three', () => {
    const { model, render } = stepCloseUp('test-step', 'release');
    const s = model.step;
    const at = (ms: number) => (render.appliedReductionDb[(s?.stepIndex ?? 0) + ms * 48 - 1] ?? 0) / (s?.fromDb ?? 1);
    expect([pct(at(100)), pct(at(200)), `${Math.round(at(300) * 100)} %`]).toEqual(['36.8 %', '13.5 %', '5 %']);
    expect(release).toContain('36.8 % of the reduction is still left (it has recovered 63 % of the way)');
    expect(release).toContain('After two release times 13.5 % is left, after three 5 %');
  });

  it('the step stays up 1.5 s; 9 dB at the drop, 3.3 dB left after exactly 100 ms, −43.3 dBFS out', () => {
    expect(STEP_HIGH_S).toBe(1.5);
    expect(release).toContain('jumps from −40 dBFS to −8 dBFS, stays there for 1.5 s');
    const { model, text } = stepCloseUp('test-step', 'release');
    expect(DEFAULT_PARAMS.releaseMs).toBe(100);
    expect(model.step?.markMs).toBeCloseTo(100, 2);
    expect(text).toContain('9 dB at the step, 36.8 % of it (3.3 dB) still left after 100 ms');
    expect(release).toContain(
      'the reduction is 9 dB when the level drops, and 3.3 dB of it is still left after exactly 100 ms',
    );
    const o = model.operating;
    expect([dbfs(o?.inDb ?? 0), dbfs(o?.outDb ?? 0), dbfs(o?.staticOutDb ?? 0)]).toEqual([
      '−40 dBFS',
      '−43.3 dBFS',
      '−40 dBFS',
    ]);
    expect(release).toContain(
      'where the curve puts it (−40 dBFS, no change): at that instant it comes out at −43.3 dBFS',
    );
    expect(release).toContain('For 100 ms after a loud moment');
  });

  it('100 ms under other conventions: 220 ms 10–90 %, FFmpeg 400 ms', () => {
    const rows = conventionRows(100, 48000).map((r) => formatMs(r.value));
    expect([rows[1], rows[3]]).toEqual(['220 ms', '400 ms']);
    expect(release).toContain(
      'a 100 ms release is a 220 ms "10–90 %" time and an FFmpeg `acompressor` release of 400 ms',
    );
  });

  it('the step signal leaves room for the slowest release', () => {
    const s = testSignal('test-step');
    const { down, end } = testSignalSteps(s.sampleRate, s.channels[0]?.length ?? 0);
    expect((end - down) / s.sampleRate).toBeGreaterThan(PARAM_SPECS.releaseMs.max / 1000);
    const { model } = stepCloseUp('test-step', 'release', { releaseMs: PARAM_SPECS.releaseMs.max });
    expect(model.step?.markMs).toBeCloseTo(2000, 0);
  });
});

describe.skipIf(SKIP_CLIP_TESTS)('Release lesson: the clips', () => {
  beforeAll(requireFfmpeg);
  const on = (id: string, releaseMs: number) => {
    const x = decodeClip(id);
    const render = renderOffline(x, 48000, p({ ...CLIP, releaseMs }));
    return { left: summariseHits(measureHits(x, render)).leftBeforeDb, ripple: reductionRippleDb(render) };
  };

  it('drums: 7.5 dB left before a hit at 1 s, 0.7 dB at 100 ms', () => {
    expect(release).toContain('initial={{ thresholdDb: -30, ratio: 4, releaseMs: 1000 }}');
    expect(release).toContain(
      'with the threshold at −30 dB and the ratio at 4 to 1, starting from a long release of 1 s',
    );
    expect(db(on('drums', 1000).left)).toBe('7.5 dB');
    expect(release).toContain('its median just before each hit is 7.5 dB');
    expect(db(on('drums', 100).left)).toBe('0.7 dB');
    expect(release).toContain('At 100 ms only 0.7 dB is left before a hit');
  }, 120_000);

  it('bass ripple: 2.7 dB at 5 ms, 1.1 dB at 100 ms, 0.3 dB at 1 s, in 50 ms slices', () => {
    expect(RIPPLE_SLICE_MS).toBe(50);
    expect([5, 100, 1000].map((r) => db(on('bass', r).ripple))).toEqual(['2.7 dB', '1.1 dB', '0.3 dB']);
    expect(release).toContain('it swings by 2.7 dB within each 50 ms stretch of a held note');
    expect(release).toContain('At 100 ms the swing is 1.1 dB, at 1 s 0.3 dB');
  }, 120_000);

  it('full band: 7.8 dB left before a hit at 1 s', () => {
    expect(db(on('mix', 1000).left)).toBe('7.8 dB');
    expect(release).toContain('at 1 s the median reduction left before a hit is 7.8 dB');
  }, 120_000);

  it('exercise: not yet at 1 s and 5 ms, yes at 80 ms; the passing releases run from 49 to 110 ms', () => {
    const drums = decodeClip('drums');
    const bass = decodeClip('bass');
    const verdict = (releaseMs: number) => {
      const params = p({ ...CLIP, releaseMs });
      return checkRecovery(
        { title: clipTitle('drums'), input: drums, render: renderOffline(drums, 48000, params) },
        { title: clipTitle('bass'), input: bass, render: renderOffline(bass, 48000, params) },
      );
    };
    expect(verdict(1000).verdict).toBe('too-much');
    expect(verdict(5).verdict).toBe('too-little');
    const yes = verdict(80);
    expect(yes.verdict).toBe('good');
    expect(yes.message).toContain('drum groove');
    expect(yes.message).toContain('finger bass');
    const passing = sliderValues('releaseMs', 30, 200).filter((r) => verdict(r).verdict === 'good');
    expect([formatMs(Math.min(...passing)), formatMs(Math.max(...passing))]).toEqual(['49 ms', '110 ms']);
    expect(release).toContain('The releases that pass lie between 49 ms and 110 ms');
    expect([RECOVERED_DB, RIPPLE_MAX_DB]).toEqual([1, 1.5]);
    expect(release).toContain('the reduction should recover to within 1 dB before each hit');
    expect(release).toContain('the applied reduction should ripple by no more than 1.5 dB');
  }, 600_000);
});

describe.skipIf(SKIP_CLIP_TESTS)('Typical settings, checked on the clips at −30 dB and 4 to 1', () => {
  beforeAll(requireFfmpeg);
  const attackAt = (id: string, attackMs: number) => {
    const x = decodeClip(id);
    return summariseHits(measureHits(x, renderOffline(x, 48000, p({ ...CLIP, attackMs }))));
  };
  const releaseAt = (id: string, releaseMs: number) => {
    const x = decodeClip(id);
    const render = renderOffline(x, 48000, p({ ...CLIP, releaseMs }));
    return { left: summariseHits(measureHits(x, render)).leftBeforeDb, ripple: reductionRippleDb(render) };
  };

  it('attack: each range does what the lesson says at both ends', () => {
    expect(attack).toContain("each checked on this site's clips at the lesson's −30 dB and 4 to 1");
    for (const a of [10, 30]) {
      const s = attackAt('drums', a);
      expect(s.bodyDownDb - s.crackDownDb).toBeGreaterThanOrEqual(2);
    }
    expect(attack).toContain('**Drums for punch:** 10–30 ms. The crack comes down at least 2 dB less than the body.');
    for (const a of [PARAM_SPECS.attackMs.min, 1]) expect(attackAt('drums', a).crackDownDb).toBeGreaterThan(3);
    expect(attack).toContain('1 ms or less. The crack is turned down by more than 3 dB as well.');
    const lessAtStart: [string, number, number, string][] = [
      ['bass', 10, 30, '**Bass:** 10–30 ms. The pluck at the start of each note comes down less than the note'],
      ['vocal', 5, 15, '**Vocals:** 5–15 ms. The start of each word comes down a little less than the rest of it'],
      ['mix', 10, 30, '**A full mix ("glue"):** 10–30 ms'],
    ];
    for (const [id, lo, hi, text] of lessAtStart) {
      for (const a of [lo, hi]) {
        const s = attackAt(id, a);
        expect(s.crackDownDb).toBeLessThan(s.bodyDownDb);
      }
      expect(attack).toContain(text);
    }
  }, 300_000);

  it('release: each range does what the lesson says at both ends', () => {
    expect(release).toContain("each checked on this site's clips at the lesson's −30 dB and 4 to 1");
    for (const r of [50, 100]) expect(releaseAt('drums', r).left).toBeLessThan(1);
    expect(release).toContain('**Drums:** 50–100 ms. Less than 1 dB of reduction is left before each hit.');
    for (const r of [100, 300]) expect(Number(releaseAt('bass', r).ripple.toFixed(1))).toBeLessThanOrEqual(1.1);
    expect(release).toContain('**Bass:** 100–300 ms. The reduction ripples by 1.1 dB or less.');
    for (const r of [100, 300]) expect(releaseAt('vocal', r).ripple).toBeLessThan(1.5);
    expect(release).toContain('**Vocals:** 100–300 ms. The reduction ripples by less than 1.5 dB on held syllables.');
    for (const r of [100, 300]) expect(releaseAt('mix', r).ripple).toBeLessThan(1);
    expect(release).toContain(
      '**A full mix:** 100–300 ms. The reduction ripples by less than 1 dB; go longer (towards 1 s)',
    );
  }, 300_000);
});
