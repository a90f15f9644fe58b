/**
 * Every number the Vocals, Drums and bass, and Full mix and parallel lessons quote, derived here from the
 * compressor (renderOffline) on the shipped clips (decoded as the browser does) with the lessons' presets, through
 * the same four-reasons measures the readout and the exercises use, and checked against the lesson text.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import type { CompressorParams } from '../../../src/dsp/types';
import { findPreset, type PresetId } from '../../../src/lib/presets';
import { reasonsBeforeAfter, type ReasonsBeforeAfter } from '../../../src/widgets/shared/reasons';
import { mostGainReductionDb } from '../../../src/widgets/shared/measures';
import { checkReasonGoal, type ReasonGoal } from '../../../src/widgets/Exercise/reason-goal';
import { reductionRippleDb } from '../../../src/widgets/CloseUp/hit-measures';
import { formatNumber } from '../../../src/widgets/shared/describe';
import { BEATS_PER_MINUTE } from '../../../scripts/audio/groove';
import { SKIP_CLIP_TESTS, decode, requireFfmpeg } from '../support/clip-audio';

const lesson = (name: string) => readFileSync(`content/lessons/${name}.mdx`, 'utf8').replace(/\s+/g, ' ');
const vocals = lesson('vocals');
const drums = lesson('drums-and-bass');
const full = lesson('full-mix-and-parallel');
const fs = 48000;
const n1 = (v: number) => formatNumber(v, 1);
const lu = (v: number) => `${n1(v)} LU`;
const db = (v: number) => `${n1(v)} dB`;

function preset(id: PresetId): CompressorParams {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return { ...p.params };
}

interface Run extends ReasonsBeforeAfter {
  params: CompressorParams;
  mostDb: number;
  rippleDb: number;
}

function run(clip: string, id: PresetId, over: Partial<CompressorParams> = {}): Run {
  const input = decode(clip);
  const params = { ...preset(id), ...over };
  const render = renderOffline(input, fs, params);
  return {
    ...reasonsBeforeAfter(input, render),
    params,
    mostDb: mostGainReductionDb(render),
    rippleDb: reductionRippleDb(render),
  };
}

/** A − B as the readout's numbers show it: each rounded to 0.1 first, so the prose's sums add up on screen. */
const shownDiff = (a: number, b: number) => Math.round(a * 10) / 10 - Math.round(b * 10) / 10;
const narrowed = (r: Run) => shownDiff(r.before.loudnessRangeLu, r.after.loudnessRangeLu);
const punchGain = (r: Run) => shownDiff(r.after.transientOverSustainDb, r.before.transientOverSustainDb);

describe.skipIf(SKIP_CLIP_TESTS)('Vocals lesson numbers', () => {
  beforeAll(requireFfmpeg);

  const VOCAL_GOAL: ReasonGoal = { measure: 'loudnessRangeLu', direction: 'down', atLeast: 7.5, maxRatio: 4 };

  it('the preset narrows the reader from 5.7 LU to 2.4 LU', () => {
    const r = run('narrator', 'vocal');
    expect([lu(r.before.loudnessRangeLu), lu(r.after.loudnessRangeLu)]).toEqual(['5.7 LU', '2.4 LU']);
    expect(vocals).toContain('the vocal preset narrows it from 5.7 LU to 2.4 LU');
  });

  it('from gentle to right: 3.9, 3.1, 2.4, 2.1 and 1.7 LU at 1.5, 2, 3, 4 and 8 to 1; 1.5 LU, then 0.4 LU more', () => {
    const at = (ratio: number) => run('narrator', 'vocal', { ratio }).after.loudnessRangeLu;
    const [r15, r2, r3, r4, r8] = [1.5, 2, 3, 4, 8].map(at) as [number, number, number, number, number];
    expect([r15, r2, r3, r4, r8].map(lu)).toEqual(['3.9 LU', '3.1 LU', '2.4 LU', '2.1 LU', '1.7 LU']);
    expect(vocals).toContain('at 1.5 to 1 the loudness range comes down from 5.7 LU to 3.9 LU');
    expect(vocals).toContain(
      'at 2 to 1 it is 3.1 LU; - at 3 to 1, the preset, 2.4 LU; - at 4 to 1, 2.1 LU; - at 8 to 1, 1.7 LU.',
    );
    expect(lu(shownDiff(r15, r3))).toBe('1.5 LU');
    expect(lu(shownDiff(r4, r8))).toBe('0.4 LU');
    expect(vocals).toContain(
      'the range shrinks by 1.5 LU; from 4 to 1 up to 8 to 1, twice the ratio, by only 0.4 LU more',
    );
  });

  it('the talker: 14.6 LU, 7.5 LU with the preset (7.1 LU narrower, not enough), 6.6 LU at 4 to 1 (8.0 LU, passes)', () => {
    const p = run('vocal', 'vocal');
    expect([lu(p.before.loudnessRangeLu), lu(p.after.loudnessRangeLu), lu(narrowed(p))]).toEqual([
      '14.6 LU',
      '7.5 LU',
      '7.1 LU',
    ]);
    expect(vocals).toContain('Its loudness range is far wider, 14.6 LU, and the same preset brings it to 7.5 LU');
    expect(vocals).toContain(
      'narrow the loudness range by **at least 7.5 LU** (from 14.6 LU), without going above a ratio of 4 to 1',
    );
    expect(vocals).toContain('The preset alone gets the talker to 7.5 LU, 7.1 LU narrower: not quite there.');
    expect(checkReasonGoal(p, VOCAL_GOAL, p.params).verdict).toBe('too-little');
    const four = run('vocal', 'vocal', { ratio: 4 });
    expect([lu(four.after.loudnessRangeLu), lu(narrowed(four))]).toEqual(['6.6 LU', '8.0 LU']);
    expect(vocals).toContain('At 4 to 1 the range is 6.6 LU, 8.0 LU narrower');
    expect(checkReasonGoal(four, VOCAL_GOAL, four.params).verdict).toBe('good');
    const eight = run('vocal', 'vocal', { ratio: 8 });
    expect(checkReasonGoal(eight, VOCAL_GOAL, eight.params).verdict).toBe('too-much');
  });

  it('a 20 ms release makes the gain flutter: over twice the ripple of the preset’s 150 ms', () => {
    const quick = run('narrator', 'vocal', { releaseMs: 20 });
    const preset150 = run('narrator', 'vocal');
    expect(quick.rippleDb).toBeGreaterThan(2 * preset150.rippleDb);
    expect(vocals).toContain('A release much shorter than a syllable (say 20 ms) lets the gain flutter within words');
  });

  it('typical settings: every corner of 3–4 to 1, 10–20 ms attack, 100–250 ms release narrows both voices', () => {
    for (const ratio of [3, 4])
      for (const attackMs of [10, 20])
        for (const releaseMs of [100, 250]) {
          const over = { ratio, attackMs, releaseMs };
          expect(narrowed(run('narrator', 'vocal', over)), JSON.stringify(over)).toBeGreaterThan(2.5);
          expect(narrowed(run('vocal', 'vocal', over)), JSON.stringify(over)).toBeGreaterThan(5);
        }
    expect(vocals).toContain('**Attack** 10 ms to 20 ms, so consonants keep their edge; **release** 100 ms to 250 ms');
  });
});

describe.skipIf(SKIP_CLIP_TESTS)('Drums and bass lesson numbers', () => {
  beforeAll(requireFfmpeg);

  const PUNCH_GOAL: ReasonGoal = { measure: 'transientOverSustainDb', direction: 'up', atLeast: 6 };

  it('the drum preset: 14.8 dB to 20.2 dB (5.4 dB further out), up to 11.2 dB of reduction', () => {
    const r = run('drums', 'drums');
    expect([db(r.before.transientOverSustainDb), db(r.after.transientOverSustainDb), db(punchGain(r))]).toEqual([
      '14.8 dB',
      '20.2 dB',
      '5.4 dB',
    ]);
    expect(db(r.mostDb)).toBe('11.2 dB');
    expect(drums).toContain(
      'The drum preset raises it from 14.8 dB to 20.2 dB: every kick and snare stands 5.4 dB further out of the groove, although the compressor turns the groove down by up to 11.2 dB.',
    );
    expect(checkReasonGoal(r, PUNCH_GOAL, r.params).verdict).toBe('too-little');
    expect(drums).toContain('The preset gets 5.4 dB; try the attack first.');
  });

  it('gentle: 18.1 dB at 2 to 1; attack 1, 5, 20 and 50 ms: 18.0, 20.9, 20.2 and 18.2 dB; quiet detail up 9.9 dB at 1 ms', () => {
    expect(db(run('drums', 'drums', { ratio: 2 }).after.transientOverSustainDb)).toBe('18.1 dB');
    expect(drums).toContain('set the ratio to 2 to 1. The transient over sustain already rises to 18.1 dB');
    const fast = run('drums', 'drums', { attackMs: 1 });
    expect(db(fast.after.transientOverSustainDb)).toBe('18.0 dB');
    expect([db(fast.before.quietBelowPeakDb), db(fast.after.quietBelowPeakDb)]).toEqual(['51.1 dB', '41.2 dB']);
    expect(db(shownDiff(fast.before.quietBelowPeakDb, fast.after.quietBelowPeakDb))).toBe('9.9 dB');
    expect(drums).toContain(
      "transient over sustain is 18.0 dB, and the quiet detail between the hits comes up by 9.9 dB (the readout's fourth row: from 51.1 dB to 41.2 dB below the peak)",
    );
    const five = run('drums', 'drums', { attackMs: 5 });
    expect(db(five.after.transientOverSustainDb)).toBe('20.9 dB');
    expect(db(run('drums', 'drums', { attackMs: 50 }).after.transientOverSustainDb)).toBe('18.2 dB');
    expect(drums).toContain(
      'at 5 ms it is 20.9 dB; - at 20 ms, the preset, 20.2 dB; - at 50 ms it falls back to 18.2 dB',
    );
    expect([db(punchGain(five)), checkReasonGoal(five, PUNCH_GOAL, five.params).verdict]).toEqual(['6.1 dB', 'good']);
    expect(drums).toContain('A 5 ms attack passes: 20.9 dB, 6.1 dB more than the original.');
  });

  it('the slow attack raises the peak to loudness ratio from 20.5 dB to 23.3 dB, 2.8 dB closer to clipping', () => {
    const r = run('drums', 'drums');
    const up = shownDiff(r.after.peakToLoudnessDb, r.before.peakToLoudnessDb);
    expect([db(r.before.peakToLoudnessDb), db(r.after.peakToLoudnessDb), db(up)]).toEqual([
      '20.5 dB',
      '23.3 dB',
      '2.8 dB',
    ]);
    expect(drums).toContain(
      'from 20.5 dB to 23.3 dB with the preset: at the same loudness, the peaks stand 2.8 dB closer to clipping',
    );
  });

  it('bass: loudness range 2.1 LU to 0.9 LU, transient over sustain 7.6 dB to 8.3 dB; 41.2 Hz lasts about 24 ms', () => {
    const r = run('bass', 'bass');
    expect([lu(r.before.loudnessRangeLu), lu(r.after.loudnessRangeLu)]).toEqual(['2.1 LU', '0.9 LU']);
    expect([db(r.before.transientOverSustainDb), db(r.after.transientOverSustainDb)]).toEqual(['7.6 dB', '8.3 dB']);
    expect(drums).toContain(
      'from 2.1 LU to 0.9 LU (in [loudness units](../glossary/#loudness-units-lu)), while the pluck keeps its place: transient over sustain goes from 7.6 dB to 8.3 dB',
    );
    const lowE = 440 * 2 ** (-41 / 12);
    expect(n1(lowE)).toBe('41.2');
    expect(Math.round(1000 / lowE)).toBe(24);
    expect(r.params.releaseMs).toBe(200);
    expect(drums).toContain("Its release, 200 ms, is far longer than a low note's cycle (about 24 ms at 41.2 Hz");
  });

  it('sixteenth notes at the groove’s 100 beats a minute are 150 ms apart', () => {
    expect(BEATS_PER_MINUTE).toBe(100);
    expect(60000 / BEATS_PER_MINUTE / 4).toBe(150);
    expect(drums).toContain('at 100 beats a minute, sixteenth notes are 150 ms apart');
  });

  it('typical settings: every corner raises the drums’ punch by 3 dB or more, and narrows the bass', () => {
    for (const ratio of [4, 8])
      for (const attackMs of [5, 30])
        for (const releaseMs of [50, 150]) {
          const over = { ratio, attackMs, releaseMs };
          expect(punchGain(run('drums', 'drums', over)), JSON.stringify(over)).toBeGreaterThan(3);
        }
    for (const ratio of [3, 6])
      for (const attackMs of [10, 30])
        for (const releaseMs of [150, 400]) {
          const over = { ratio, attackMs, releaseMs };
          expect(narrowed(run('bass', 'bass', over)), JSON.stringify(over)).toBeGreaterThan(0.8);
        }
    expect(drums).toContain('ratio 4 to 1 to 8 to 1, attack 5 ms to 30 ms, release 50 ms to 150 ms');
    expect(drums).toContain('ratio 3 to 1 to 6 to 1, attack 10 ms to 30 ms, release 150 ms to 400 ms');
  });
});

describe.skipIf(SKIP_CLIP_TESTS)('Full mix and parallel lesson numbers', () => {
  beforeAll(requireFfmpeg);

  const SPACE_GOAL: ReasonGoal = {
    measure: 'quietBelowPeakDb',
    direction: 'down',
    atLeast: 12,
    keep: { measure: 'transientOverSustainDb', within: 1 },
    maxMix: 0.9,
  };

  it('glue: at most 5.0 dB of reduction, 0.8 LU to 0.6 LU, 8.3 dB to 8.8 dB; 7.5 dB at 4 to 1', () => {
    const r = run('mix', 'mix');
    expect(db(r.mostDb)).toBe('5.0 dB');
    expect([lu(r.before.loudnessRangeLu), lu(r.after.loudnessRangeLu)]).toEqual(['0.8 LU', '0.6 LU']);
    expect([db(r.before.transientOverSustainDb), db(r.after.transientOverSustainDb)]).toEqual(['8.3 dB', '8.8 dB']);
    expect(full).toContain('The glue preset turns the band down by at most 5.0 dB.');
    expect(full).toContain('the loudness range goes from 0.8 LU to 0.6 LU');
    expect(full).toContain(
      'and the transient over sustain ([transient](../glossary/#transient)) from 8.3 dB to 8.8 dB',
    );
    expect(db(run('mix', 'mix', { ratio: 4 }).mostDb)).toBe('7.5 dB');
    expect(full).toContain('At 4 to 1 the band is already turned down by up to 7.5 dB');
  });

  it('parallel on the drums: 29.2 dB of reduction; quiet detail 51.1 → 41.1 dB (10.0 dB); punch 14.6 against 14.8 dB', () => {
    const p = preset('parallel');
    expect([p.ratio, p.thresholdDb, p.attackMs, p.mix]).toEqual([10, -40, 1, 0.5]);
    expect(full).toContain('10 to 1 from −40 dB with a 1 ms attack, up to 29.2 dB of gain reduction');
    const r = run('drums', 'parallel');
    expect(db(r.mostDb)).toBe('29.2 dB');
    expect([db(r.before.quietBelowPeakDb), db(r.after.quietBelowPeakDb)]).toEqual(['51.1 dB', '41.1 dB']);
    expect(db(shownDiff(r.before.quietBelowPeakDb, r.after.quietBelowPeakDb))).toBe('10.0 dB');
    expect([db(r.after.transientOverSustainDb), db(r.before.transientOverSustainDb)]).toEqual(['14.6 dB', '14.8 dB']);
    expect(full).toContain('sit 51.1 dB below the loudest peak; at 50 % mix, 41.1 dB');
    expect(full).toContain(
      "come up by 10.0 dB. And the punch stays: transient over sustain is 14.6 dB against the original's 14.8 dB",
    );
    expect(checkReasonGoal(r, SPACE_GOAL, r.params).verdict).toBe('too-little');
    expect(full).toContain("The preset's 50 % gives 10.0 dB.");
  });

  it('the mix slider: unchanged at 0 %, 45.9 dB at 25 %, 36.1 dB at 75 %, 29.1 dB and 14.3 dB at 100 %', () => {
    const none = run('drums', 'parallel', { mix: 0 });
    expect(db(none.after.quietBelowPeakDb)).toBe(db(none.before.quietBelowPeakDb));
    expect(db(run('drums', 'parallel', { mix: 0.25 }).after.quietBelowPeakDb)).toBe('45.9 dB');
    const all = run('drums', 'parallel', { mix: 1 });
    expect([db(all.after.quietBelowPeakDb), db(all.after.transientOverSustainDb)]).toEqual(['29.1 dB', '14.3 dB']);
    expect(full).toContain(
      'at 25 % the quiet detail sits 45.9 dB below the peak; - at 75 %, 36.1 dB; - at 100 %, only the squashed copy: 29.1 dB, and the transient over sustain drops to 14.3 dB',
    );
  });

  it('the exercise: 75 % brings quiet detail up 15.0 dB with the punch 0.5 dB off, and passes', () => {
    const r = run('drums', 'parallel', { mix: 0.75 });
    expect(db(r.after.quietBelowPeakDb)).toBe('36.1 dB');
    expect(db(shownDiff(r.before.quietBelowPeakDb, r.after.quietBelowPeakDb))).toBe('15.0 dB');
    expect(db(Math.abs(punchGain(r)))).toBe('0.5 dB');
    expect(checkReasonGoal(r, SPACE_GOAL, r.params).verdict).toBe('good');
    const squashed = run('drums', 'parallel', { mix: 1 });
    expect(checkReasonGoal(squashed, SPACE_GOAL, squashed.params).verdict).toBe('too-much');
    expect(full).toContain(
      'At 75 % the quiet detail comes up by 15.0 dB and the transient over sustain moves by 0.5 dB',
    );
  });

  it('no comb filter: 2 ms lookahead, 250 Hz and 500 Hz both up 7.9 dB; undelayed dry would leave 250 Hz 4.5 dB lower', () => {
    const p = preset('parallel');
    expect(p.lookaheadMs).toBe(2);
    expect(1000 / (2 * p.lookaheadMs)).toBe(250);
    /** A tone at −60 dBFS (under the −40 dB threshold), 1 s. */
    const tone = (hz: number) => [
      Float32Array.from({ length: fs }, (_, i) => 0.001 * Math.sin((2 * Math.PI * hz * i) / fs)),
    ];
    const rms = (x: Float32Array, from: number) => {
      let s = 0;
      for (let i = from; i < x.length; i++) s += (x[i] as number) ** 2;
      return Math.sqrt(s / (x.length - from));
    };
    const skip = fs / 10;
    const gainDb = (hz: number, aligned: boolean) => {
      const input = tone(hz);
      const x = input[0] as Float32Array;
      const out = renderOffline(input, fs, p).output[0] as Float32Array;
      if (aligned) return 20 * Math.log10(rms(out, skip) / rms(x, skip));
      // What a parallel path without the matching delay would give: the compressed half late by the lookahead.
      const wet = renderOffline(input, fs, { ...p, mix: 1 }).output[0] as Float32Array;
      const d = Math.round((p.lookaheadMs / 1000) * fs);
      const naive = x.map((v, i) => p.mix * (wet[i - d] ?? 0) + (1 - p.mix) * v);
      return 20 * Math.log10(rms(naive, skip) / rms(x, skip));
    };
    expect([db(gainDb(250, true)), db(gainDb(500, true))]).toEqual(['7.9 dB', '7.9 dB']);
    expect(db(gainDb(500, false) - gainDb(250, false))).toBe('4.5 dB');
    expect(full).toContain(
      'On a quiet tone below the threshold the parallel preset raises 250 Hz and 500 Hz alike, by 7.9 dB. Without the matching delay, 250 Hz would come out 4.5 dB lower than 500 Hz.',
    );
    expect(full).toContain('At 250 Hz, whose half cycle is 2 ms');
  });

  it('typical settings: glue corners stay within a few dB; parallel corners add space and keep the punch', () => {
    for (const ratio of [1.5, 2])
      for (const attackMs of [10, 30])
        for (const releaseMs of [100, 300]) {
          const over = { ratio, attackMs, releaseMs };
          expect(run('mix', 'mix', over).mostDb, JSON.stringify(over)).toBeLessThan(6);
        }
    for (const ratio of [8, 20])
      for (const releaseMs of [50, 150])
        for (const mix of [0.25, 0.5]) {
          const over = { ratio, releaseMs, mix };
          const r = run('drums', 'parallel', over);
          expect(r.before.quietBelowPeakDb - r.after.quietBelowPeakDb, JSON.stringify(over)).toBeGreaterThan(4);
          expect(Math.abs(punchGain(r)), JSON.stringify(over)).toBeLessThan(1);
        }
    expect(full).toContain('ratio 1.5 to 1 to 2 to 1, attack 10 ms to 30 ms, release 100 ms to 300 ms');
    expect(full).toContain('ratio 8 to 1 to 20 to 1');
    expect(full).toContain('release 50 ms to 150 ms, mix 25 % to 50 %');
  });
});
