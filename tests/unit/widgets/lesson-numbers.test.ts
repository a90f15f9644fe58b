/**
 * Every number the Threshold and Ratio lessons quote, derived here from the compressor itself and checked against
 * the lesson text, so prose and widgets cannot drift apart. Clip numbers come from the shipped Opus files, decoded
 * with ffmpeg (clip-audio.ts) and rendered with renderOffline, as the widgets do. Under CI they never skip.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { staticOutputDb, staticReductionDb } from '../../../src/dsp/gain-computer';
import { peakDb } from '../../../src/dsp/levels';
import { DEFAULT_PARAMS, PARAM_SPECS } from '../../../src/dsp/params';
import type { CompressorParams } from '../../../src/dsp/types';
import { RATIO_STOPS, positionAfterKey, sliderScale } from '../../../src/widgets/Controls/model';
import { checkLoudestHitsOnly, checkMostReduction, findHits } from '../../../src/widgets/Exercise/model';
import { describeTransfer, fullScaleReadout, measuredTransfer } from '../../../src/widgets/TransferCurve/model';
import { describeEnvelope, envelopeModel } from '../../../src/widgets/Envelope/model';
import { describeWaveform, waveformModel } from '../../../src/widgets/Waveform/model';
import { formatDbShort, formatRatioNumber } from '../../../src/widgets/shared/describe';
import { mostGainReductionDb } from '../../../src/widgets/shared/measures';
import { SKIP_CLIP_TESTS, decode, requireFfmpeg } from '../support/clip-audio';

const lesson = (name: string) => readFileSync(`content/lessons/${name}.mdx`, 'utf8').replace(/\s+/g, ' ');
const threshold = lesson('threshold');
const ratio = lesson('ratio');
const p = (over: Partial<CompressorParams>): CompressorParams => ({ ...DEFAULT_PARAMS, ...over });

const reductionOn = (id: string, over: Partial<CompressorParams>) =>
  mostGainReductionDb(renderOffline(decode(id), 48000, p(over)));

describe('Threshold lesson: static numbers', () => {
  it('a −8 dBFS sound at −20 dB and 4 to 1 comes out at −17 dBFS, 9 dB down', () => {
    const out = staticOutputDb(-8, p({}));
    expect(out).toBe(-17);
    expect(threshold).toContain('the sound comes out at −17 dBFS, turned down by 9 dB');
  });

  it('full-scale readouts at thresholds 0, −20 and −40 dB', () => {
    expect(fullScaleReadout(p({ thresholdDb: 0 }))).toEqual({ outDb: 0, reductionDb: 0 });
    expect(fullScaleReadout(p({ thresholdDb: -20 }))).toEqual({ outDb: -15, reductionDb: 15 });
    expect(fullScaleReadout(p({ thresholdDb: -40 })).reductionDb).toBe(30);
    expect(threshold).toContain('comes out at 0 dBFS, reduced by 0 dB');
    expect(threshold).toContain('comes out at −15 dBFS, reduced by 15 dB');
    expect(threshold).toContain('the same peak is reduced by 30 dB');
  });

  it('slider keys: Page Up/Down move 6 dB, Home/End go to −60 and 0 dB', () => {
    const s = sliderScale(PARAM_SPECS.thresholdDb);
    const at = s.toPosition(-20);
    expect(s.fromPosition(positionAfterKey(s, at, 'PageUp') ?? at)).toBe(-14);
    expect(s.fromPosition(positionAfterKey(s, at, 'Home') ?? at)).toBe(-60);
    expect(s.fromPosition(positionAfterKey(s, at, 'End') ?? at)).toBe(0);
    expect(threshold).toContain('Page Up and Page Down move in 6 dB steps');
    expect(threshold).toContain('Home and End jump to −60 dB and 0 dB');
  });

  it('describes the default curve as the lesson says', () => {
    expect(describeTransfer(p({}), null)).toContain('the output rises 1 dB for every 4 dB in');
    expect(threshold).toContain('the output rises only 1 dB for every 4 dB the input rises');
  });
});

describe('Ratio lesson: static numbers', () => {
  it('the table: a hit 12 dB over the threshold', () => {
    const rows = [1, 2, 4, 10, Infinity].map((r) => {
      const params = p({ thresholdDb: -20, ratio: r });
      const over = staticOutputDb(-8, params) + 20;
      return (
        `| ${formatRatioNumber(r)} to 1 |`.padEnd(0) +
        ` ${formatDbShort(over)} | ${formatDbShort(staticReductionDb(-8, params))} |`
      );
    });
    expect(rows).toEqual([
      '| 1 to 1 | 12 dB | 0 dB |',
      '| 2 to 1 | 6 dB | 6 dB |',
      '| 4 to 1 | 3 dB | 9 dB |',
      '| 10 to 1 | 1.2 dB | 10.8 dB |',
      '| ∞ to 1 | 0 dB | 12 dB |',
    ]);
    for (const row of rows) expect(ratio).toContain(row);
    const extra = staticReductionDb(-8, p({ ratio: 10 })) - staticReductionDb(-8, p({ ratio: 4 }));
    expect(formatDbShort(extra)).toBe('1.8 dB');
    expect(ratio).toContain('takes only 1.8 dB more');
  });

  it('the slider steps through the ratios the lesson lists', () => {
    expect(RATIO_STOPS.slice(0, 7)).toEqual([1, 1.2, 1.5, 1.75, 2, 2.5, 3]);
    expect(RATIO_STOPS.slice(-2)).toEqual([20, Infinity]);
    expect(ratio).toContain('(1, 1.2, 1.5, 1.75, 2, 2.5, 3 … 20, ∞)');
  });
});

describe.skipIf(SKIP_CLIP_TESTS)('lesson numbers measured on the shipped clips', () => {
  beforeAll(requireFfmpeg);

  it('Threshold: clip peaks, and 5.3 dB against the curve’s 12.4 dB on the drums', () => {
    const drumsPeak = peakDb(decode('drums'));
    expect(formatDbShort(drumsPeak, 'dBFS')).toBe('−3.5 dBFS');
    expect(formatDbShort(peakDb(decode('vocal')), 'dBFS')).toBe('−1.9 dBFS');
    expect(threshold).toContain('its loudest hit peaks at −3.5 dBFS');
    expect(threshold).toContain('loudest word at −1.9 dBFS');
    expect(formatDbShort(reductionOn('drums', {}))).toBe('5.3 dB');
    expect(formatDbShort(staticReductionDb(drumsPeak, p({})))).toBe('12.4 dB');
    expect(describeTransfer(p({}), reductionOn('drums', {}))).toContain('the most gain reduction is 5.3 dB');
    expect(threshold).toContain(
      'the most gain reduction on the clip is 5.3 dB, while the curve alone would predict 12.4 dB for the loudest hit',
    );
  }, 60_000);

  it('Threshold: how much of the drum groove is compressed at −20, −10 and −35 dB', () => {
    const x = decode('drums');
    const at = (t: number) => {
      const render = renderOffline(x, 48000, p({ thresholdDb: t }));
      const m = envelopeModel(x, render, { startS: 0, endS: (x[0]?.length ?? 0) / 48000 }, 600);
      return {
        share: Math.round(m.activeShare * 100),
        applied: formatDbShort(m.maxAppliedDb),
        text: describeEnvelope(m, { thresholdDb: t, ratio: 4 }),
      };
    };
    const [t20, t10, t35] = [at(-20), at(-10), at(-35)];
    expect(t20.text).toContain('for 43 % of this time');
    expect(threshold).toContain('turning the sound down (by more than 0.5 dB) for 43 % of the clip');
    expect(t10.applied).toBe('0.6 dB');
    expect(threshold).toContain('reduction never gets past 0.6 dB');
    expect(t35.share).toBe(91);
    expect(threshold).toContain('the compressor is at work 91 % of the time');
  }, 60_000);

  it('Threshold exercise: the default misses, a higher threshold passes', () => {
    const verdict = (t: number) => {
      const x = decode('drums');
      return checkLoudestHitsOnly(findHits(x, renderOffline(x, 48000, p({ thresholdDb: t }))), t).verdict;
    };
    expect(verdict(-20)).not.toBe('good');
    expect(verdict(-7)).toBe('good');
    expect(verdict(-11)).toBe('close');
    expect(verdict(-3)).toBe('too-little');
    // Just under the loudest peak (−3.5 dBFS), that hit is over the threshold.
    expect(verdict(-3.6)).toBe('good');
  }, 60_000);

  it('Ratio: the most gain reduction on the drums at −25 dB for 3, 4, 8 and ∞ to 1', () => {
    const byRatio = [3, 4, 8, Infinity].map((r) => reductionOn('drums', { thresholdDb: -25, ratio: r }));
    expect(byRatio.map((v) => formatDbShort(v))).toEqual(['7.7 dB', '8.6 dB', '10.1 dB', '11.5 dB']);
    expect(ratio).toContain('7.7 dB at 3 to 1, 8.6 dB at 4 to 1, 10.1 dB at 8 to 1 and 11.5 dB at ∞ to 1');
    const [, four = 0, eight = 0, inf = 1] = byRatio;
    expect(eight - four).toBeLessThan(1.5);
    expect(ratio).toContain('adds less than 1.5 dB');
    const fromFour = RATIO_STOPS.filter((r) => r >= 4).map((r) => reductionOn('drums', { thresholdDb: -25, ratio: r }));
    for (let i = 1; i < fromFour.length; i++) expect((fromFour[i] ?? 0) - (fromFour[i - 1] ?? 0)).toBeLessThan(1);
    expect(ratio).toContain('past 4 to 1 each further step of the slider adds less than 1 dB');
    // Source: over the threshold a ratio R removes 1 − 1/R of the overshoot; 4:1 -> three quarters of ∞:1.
    expect(four / inf).toBeCloseTo(0.75, 2);
    expect(ratio).toContain('8.6 dB at 4 to 1 is three quarters of the 11.5 dB at ∞ to 1');
  }, 60_000);

  it('Ratio exercise: 6 to 8 dB at −25 dB is reachable on both clips, at a lower ratio on the talker', () => {
    const passing = (id: string) =>
      RATIO_STOPS.filter((r) => {
        const x = decode(id);
        const render = renderOffline(x, 48000, p({ thresholdDb: -25, ratio: r }));
        return checkMostReduction(mostGainReductionDb(render), 6, 8, id).verdict === 'good';
      });
    const drums = passing('drums');
    const vocal = passing('vocal');
    expect(drums).toEqual([2.5, 3]);
    expect(vocal.length).toBeGreaterThan(0);
    expect(Math.max(...vocal)).toBeLessThan(Math.min(...drums));
    expect(ratio).toContain('minDb={6} maxDb={8} thresholdDb={-25}');
  }, 120_000);

  it('Ratio: at 2 to 1 the drums’ most gain reduction is 5.8 dB, their peak change 1.2 dB', () => {
    const x = decode('drums');
    const render = renderOffline(x, 48000, p({ thresholdDb: -25, ratio: 2 }));
    expect(formatDbShort(mostGainReductionDb(render))).toBe('5.8 dB');
    const whole = { startS: 0, endS: (x[0]?.length ?? 0) / 48000 };
    expect(describeWaveform(waveformModel(x, render.output, 48000, whole, 800))).toContain(
      'the highest peak comes out 1.2 dB lower (the peak change',
    );
    expect(ratio).toContain('the most gain reduction on the drums is 5.8 dB');
    expect(ratio).toContain('the highest peak comes out only 1.2 dB lower');
  }, 60_000);

  it('Ratio: at ∞ to 1 measured points below the threshold sit under the diagonal, and both say why', () => {
    const x = decode('drums');
    const params = p({ thresholdDb: -25, ratio: Infinity });
    const render = renderOffline(x, 48000, params);
    const bins = measuredTransfer(x, render);
    const under = bins.filter((b) => b.inDb > -45 && b.inDb < -25 && b.minOutDb < b.inDb - 1);
    expect(under.length).toBeGreaterThan(10);
    expect(describeTransfer(params, mostGainReductionDb(render), bins)).toContain(
      'when the release is still holding the gain down',
    );
    expect(ratio).toContain('between −45 and −25 dBFS sit below the diagonal');
    expect(ratio).toContain('the release is still holding the gain down');
  }, 60_000);
});
