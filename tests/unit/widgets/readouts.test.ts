/**
 * Every view that quotes a quantity quotes the same number under the same name, and views that show different
 * quantities say which (issue 9, items 2, 5 and 6). Built on a synthetic drum pattern rendered by the real
 * compressor, so the numbers differ the way they do on the shipped clips: a hit's first peak passes before the
 * attack has reacted, so the peak change is smaller than the most gain reduction.
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { drumHit } from '../../../src/dsp/signals';
import type { CompressorParams } from '../../../src/dsp/types';
import { describeFullScale, describeTransfer, measuredTransfer } from '../../../src/widgets/TransferCurve/model';
import { describeGainMeter, gainMeterModel } from '../../../src/widgets/GainMeter/model';
import { describeEnvelope, envelopeModel } from '../../../src/widgets/Envelope/model';
import { describeWaveform, waveformModel } from '../../../src/widgets/Waveform/model';
import { checkMostReduction } from '../../../src/widgets/Exercise/model';
import { MEASURE_NAMES, mostGainReductionDb, peakChange } from '../../../src/widgets/shared/measures';

const fs = 48000;

/** Four drum hits (−3.5, −12, −8, −20 dBFS), 0.5 s apart, 2 s in all. */
function pattern(): Float32Array[] {
  const x = new Float32Array(2 * fs);
  [-3.5, -12, -8, -20].forEach((peakDb, k) => {
    x.set(drumHit({ sampleRate: fs, peakDb, durationS: 0.4, seed: k + 1 }), Math.round(k * 0.5 * fs));
  });
  return [x];
}

const p = (over: Partial<CompressorParams>): CompressorParams => ({ ...DEFAULT_PARAMS, ...over });

/** The number after `name` in `text` ("… the most gain reduction is 5.8 dB" -> "5.8 dB"). */
function quoted(text: string, name: string): string | undefined {
  const at = text.indexOf(name);
  if (at < 0) return undefined;
  return /(\d+(?:\.\d+)?) dB/.exec(text.slice(at + name.length))?.[0];
}

describe('one quantity, one number, one name', () => {
  const input = pattern();
  const whole = { startS: 0, endS: 2 };
  for (const ratio of [2, 4, Infinity]) {
    it(`at −25 dB and ${ratio} to 1, every view that names the most gain reduction gives the same number`, () => {
      const params = p({ thresholdDb: -25, ratio });
      const render = renderOffline(input, fs, params);
      const most = mostGainReductionDb(render);
      expect(most).toBeGreaterThan(1);
      const texts = {
        transfer: describeTransfer(params, most),
        meter: describeGainMeter(gainMeterModel(0, most), false),
        envelope: describeEnvelope(envelopeModel(input, render, whole, 400), params),
        exercise: checkMostReduction(most, 6, 8, 'Drum groove').message,
      };
      const numbers = Object.values(texts).map((t) => quoted(t, MEASURE_NAMES.mostGainReduction));
      expect(numbers.every((n) => n !== undefined)).toBe(true);
      expect(new Set(numbers).size).toBe(1);
      // The words are the shared name, not "the loudest hit is reduced by".
      for (const text of Object.values(texts)) expect(text).not.toMatch(/loudest hit (is reduced|comes down)/);
    });
  }

  it('the waveform quotes the peak change, says so, and is not the most gain reduction', () => {
    const params = p({ thresholdDb: -25, ratio: 4 });
    const render = renderOffline(input, fs, params);
    const m = waveformModel(input, render.output, fs, whole, 400);
    const text = describeWaveform(m);
    const change = peakChange(m.beforePeak, m.afterPeak).changeDb;
    expect(change).toBeLessThan(mostGainReductionDb(render) - 1);
    expect(text).toContain('Over the whole clip');
    expect(text).toContain(MEASURE_NAMES.peakChange);
    expect(text).not.toContain(MEASURE_NAMES.mostGainReduction);
    // A zoomed view says that it measures only what is visible.
    const zoomed = describeWaveform(waveformModel(input, render.output, fs, { startS: 0, endS: 0.06 }, 400));
    expect(zoomed).toContain('In the visible span only');
    expect(zoomed).not.toContain('Over the whole clip');
  });
});

describe('descriptions are true in every state', () => {
  const input = pattern();
  const whole = { startS: 0, endS: 2 };

  it('at 1 to 1 the envelope says the level goes over the threshold but nothing changes (item 5)', () => {
    const params = p({ thresholdDb: -25, ratio: 1 });
    const render = renderOffline(input, fs, params);
    const text = describeEnvelope(envelopeModel(input, render, whole, 400), params);
    expect(text).not.toContain('never goes above the threshold');
    expect(text).toContain('goes above the threshold of −25 dB');
    expect(text).toContain('at 1 to 1 the compressor changes nothing');
  });

  it('a span after a loud hit that stays below the threshold credits the release, not "nothing" (item 6)', () => {
    const params = p({ thresholdDb: -25, ratio: Infinity, releaseMs: 300 });
    const render = renderOffline(input, fs, params);
    // 0.45–0.5 s: the first hit's tail, far below −25 dBFS, with the gain still held down.
    const text = describeEnvelope(envelopeModel(input, render, { startS: 0.45, endS: 0.5 }, 50), params);
    expect(text).not.toContain('does nothing');
    expect(text).toContain('the release is still letting go');
  });

  it('at ∞ to 1 the transfer curve says why measured points below the threshold sit under the diagonal (item 6)', () => {
    const params = p({ thresholdDb: -25, ratio: Infinity });
    const render = renderOffline(input, fs, params);
    const bins = measuredTransfer(input, render);
    expect(bins.some((b) => b.inDb < -25 && b.minOutDb < b.inDb - 1)).toBe(true);
    const text = describeTransfer(params, mostGainReductionDb(render), bins);
    expect(text).toContain('below the threshold sit under the diagonal');
    expect(text).toContain('the release is still holding the gain down');
    // At 1 to 1 nothing is held down, and the sentence is not there.
    const flat = p({ thresholdDb: -25, ratio: 1 });
    const flatRender = renderOffline(input, fs, flat);
    expect(describeTransfer(flat, 0, measuredTransfer(input, flatRender))).not.toContain('release');
  });
});

describe('numbers that belong together read alike', () => {
  it('the full-scale readout: output level and reduction round the same way (−26.25 -> −26.3 and 26.3)', () => {
    for (const [thresholdDb, ratio] of [
      [-35, 4],
      [-25, 4],
      [-5, 4],
    ] as const) {
      const text = describeFullScale(p({ thresholdDb, ratio }));
      const [, out = '', reduced = ''] = /comes out at −([\d.]+) dBFS, reduced by ([\d.]+) dB/.exec(text) ?? [];
      expect(out, text).toBe(reduced);
    }
  });
});
