/**
 * Every number the Knee and Make-up gain lessons quote, derived here from the compressor and the widgets' own
 * models and checked against the lesson text. Clip numbers come from the shipped Opus files, decoded with FFmpeg
 * (libopus, as browsers use) and rendered with renderOffline, as the widgets do.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SKIP_CLIP_TESTS, decode, requireFfmpeg } from '../support/clip-audio';
import { renderOffline } from '../../../src/dsp/compressor';
import { autoMakeupDb, staticReductionDb } from '../../../src/dsp/gain-computer';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { toneBursts } from '../../../src/dsp/signals';
import type { CompressorParams } from '../../../src/dsp/types';
import { describeTransfer, staticTransferDb } from '../../../src/widgets/TransferCurve/model';
import { kneeZoneModel, describeKneeZone } from '../../../src/widgets/KneeZone/model';
import { checkNearThreshold } from '../../../src/widgets/Exercise/near-threshold';
import { checkLoudnessMatch, measuredDeltaLu } from '../../../src/widgets/Exercise/loudness-match';
import { describeOutputMeter, outputMeasures, outputMeterModel, peakAt } from '../../../src/widgets/OutputMeter/model';
import { clippingModel, describeClipping } from '../../../src/widgets/Clipping/model';
import { deltaText } from '../../../src/widgets/Player/model';
import { formatDbShort } from '../../../src/widgets/shared/describe';

const lesson = (name: string) => readFileSync(`content/lessons/${name}.mdx`, 'utf8').replace(/\s+/g, ' ');
const knee = lesson('knee');
const makeup = lesson('make-up-gain');
const p = (over: Partial<CompressorParams>): CompressorParams => ({ ...DEFAULT_PARAMS, ...over });

describe('Knee lesson: static numbers', () => {
  it('a 12 dB knee at −27 dB covers −33 dB to −21 dB, as the transfer curve says', () => {
    const text = describeTransfer(p({ thresholdDb: -27, kneeDb: 12 }), null);
    expect(text).toContain('A 12 dB soft knee eases the compression in between −33 dB and −21 dB.');
    expect(knee).toContain('A 12 dB knee at a threshold of −27 dB covers the levels from 6 dB below the threshold');
    expect(knee).toContain('from −33 dB to −21 dB');
  });

  it('the table: reduction at 4 to 1 by distance from the threshold, for knees of 0, 6, 12 and 24 dB', () => {
    const offsets = [-6, -3, 0, 3, 6];
    const rows = [0, 6, 12, 24].map((w) => {
      const cells = offsets.map((o) => formatDbShort(staticReductionDb(-27 + o, p({ thresholdDb: -27, kneeDb: w }))));
      return cells;
    });
    expect(rows).toEqual([
      ['0 dB', '0 dB', '0 dB', '2.3 dB', '4.5 dB'],
      ['0 dB', '0 dB', '0.6 dB', '2.3 dB', '4.5 dB'],
      ['0 dB', '0.3 dB', '1.1 dB', '2.5 dB', '4.5 dB'],
      ['0.6 dB', '1.3 dB', '2.3 dB', '3.5 dB', '5.1 dB'],
    ]);
    const names = ['hard (0 dB)', '6 dB', '12 dB', '24 dB'];
    rows.forEach((cells, i) => {
      const name = names[i] ?? '';
      const pattern = new RegExp(
        `\\| ${name.replace(/[()]/g, '\\$&')} +\\| ${cells.map((c) => `${c} +`).join('\\| ')}\\|`,
      );
      expect(knee).toMatch(pattern);
    });
  });

  it('a soft knee never reduces less than the hard knee (the quadratic knee lies under the hard curve)', () => {
    for (let x = -60; x <= 0; x += 0.25) {
      for (const w of [6, 12, 24]) {
        expect(staticReductionDb(x, p({ thresholdDb: -27, kneeDb: w }))).toBeGreaterThanOrEqual(
          staticReductionDb(x, p({ thresholdDb: -27, kneeDb: 0 })) - 1e-12,
        );
      }
    }
    expect(knee).toContain('never turns a sound down _less_ than the hard knee does');
    // Above the knee the reduction is the same whatever the knee.
    expect(staticReductionDb(-27 + 13, p({ thresholdDb: -27, kneeDb: 24 }))).toBeCloseTo(
      staticReductionDb(-27 + 13, p({ thresholdDb: -27, kneeDb: 0 })),
      12,
    );
    // A 24 dB knee reaches 12 dB below the threshold.
    expect(staticReductionDb(-27 - 11.9, p({ thresholdDb: -27, kneeDb: 24 }))).toBeGreaterThan(0);
    expect(knee).toContain('A 24 dB knee reaches 12 dB below the threshold');
  });
});

describe('Make-up lesson: static numbers', () => {
  it('automatic make-up: +15 dB at −20 dB and 4 to 1, +22.5 dB at −30 dB; the curve then passes through 0 dBFS', () => {
    expect(autoMakeupDb(p({ thresholdDb: -20, ratio: 4 }))).toBe(15);
    expect(autoMakeupDb(p({ thresholdDb: -30, ratio: 4 }))).toBe(22.5);
    expect(staticTransferDb(0, p({ thresholdDb: -20, makeupDb: 'auto' }))).toBe(0);
    expect(makeup).toContain('a 0 dBFS peak is turned down by 15 dB, so automatic make-up adds +15 dB');
    expect(makeup).toContain('Lower the threshold to −30 dB and it adds +22.5 dB');
    expect(makeup).toContain('0 dBFS in and 0 dBFS out');
  });

  it('make-up gain changes no reduction: the same reduction, the output × 10^(6/20) at +6 dB', () => {
    const x = [
      toneBursts({ sampleRate: 48000, frequencyHz: 440, lowDb: -40, highDb: -6, lowS: 0.2, highS: 0.2, cycles: 3 }),
    ];
    const plain = renderOffline(x, 48000, p({}));
    const raised = renderOffline(x, 48000, p({ makeupDb: 6 }));
    expect(raised.appliedReductionDb).toEqual(plain.appliedReductionDb);
    const i = plain.output[0]?.findIndex((v) => Math.abs(v) > 0.1) ?? -1;
    expect((raised.output[0]?.[i] ?? 0) / (plain.output[0]?.[i] ?? 1)).toBeCloseTo(10 ** (6 / 20), 5);
    expect(makeup).toContain('The gain-reduction meter does not move when you change the make-up gain');
  });
});

const KNEE = { thresholdDb: -27, ratio: 4, detector: 'rms' } as const;

describe.skipIf(SKIP_CLIP_TESTS)('Knee lesson numbers measured on the shipped clips', () => {
  beforeAll(requireFfmpeg);
  const zone = (id: string, kneeDb: number) => {
    const x = decode(id);
    const params = p({ ...KNEE, kneeDb });
    return kneeZoneModel(x, renderOffline(x, 48000, params), params);
  };

  it('the talker: 19 of 58 syllables near −27 dB, reduced by 0.2, 1, 1.6 and 2.1 dB at knees 0, 12, 18, 24', () => {
    const got = [0, 12, 18, 24].map((w) => zone('vocal', w));
    for (const m of got) expect([m.summary.near, m.summary.total]).toEqual([19, 58]);
    expect(got.map((m) => formatDbShort(m.summary.medianReductionDb ?? NaN))).toEqual([
      '0.2 dB',
      '1 dB',
      '1.6 dB',
      '2.1 dB',
    ]);
    expect(describeKneeZone(got[0] ?? zone('vocal', 0), 'vocal')).toContain(
      'The 19 syllables (of 58) within 3 dB of the threshold are turned down by 0.2 dB (median).',
    );
    expect(knee).toContain('19 of its 58 syllables come within 3 dB of the threshold');
    expect(knee).toContain('With a hard knee they are turned down by 0.2 dB (the median');
    expect(knee).toContain('With a 12 dB knee they get 1 dB, with an 18 dB knee 1.6 dB, and with a 24 dB knee 2.1 dB');
  }, 60_000);

  it('the piano: 7 of 56 notes near −27 dB, reduced by 0.2, 1.2 and 1.7 dB at knees 0, 18, 24', () => {
    const got = [0, 18, 24].map((w) => zone('piano', w));
    for (const m of got) expect([m.summary.near, m.summary.total]).toEqual([7, 56]);
    expect(got.map((m) => formatDbShort(m.summary.medianReductionDb ?? NaN))).toEqual(['0.2 dB', '1.2 dB', '1.7 dB']);
    expect(knee).toContain('7 of its 56 notes come within 3 dB of the threshold');
    expect(knee).toContain(
      'With a hard knee they are turned down by 0.2 dB; with an 18 dB knee by 1.2 dB; with 24 dB by 1.7 dB',
    );
  }, 60_000);

  it('the exercise (1 to 2 dB at −27 dB): hard knee is too little, 12 and 18 dB pass, 24 dB is too much on the talker', () => {
    const verdict = (id: string, w: number) => checkNearThreshold(zone(id, w).summary, 1, 2, { id, title: id }).verdict;
    expect([0, 12, 18, 24].map((w) => verdict('vocal', w))).toEqual(['too-little', 'good', 'good', 'too-much']);
    // On the piano the same goal needs a slightly wider knee.
    expect([12, 18].map((w) => verdict('piano', w))).toEqual(['too-little', 'good']);
    expect(knee).toContain('minDb={1} maxDb={2} thresholdDb={-27}');
    expect(knee).toContain("initial={{ thresholdDb: -27, ratio: 4, kneeDb: 0, detector: 'rms' }}");
    expect(knee).toContain('the syllables near the threshold (within 3 dB of it) are turned down by **1 to 2 dB**');
  }, 120_000);
});

describe.skipIf(SKIP_CLIP_TESTS)('Make-up lesson numbers measured on the shipped clips', () => {
  beforeAll(requireFfmpeg);
  const at = (id: string, over: Partial<CompressorParams>) => {
    const x = decode(id);
    const render = renderOffline(x, 48000, p(over));
    return { x, render, delta: measuredDeltaLu(x, render) ?? NaN };
  };

  it('the loudness trap: ΔLU without make-up and with automatic make-up, on the talker and the drums', () => {
    const v0 = at('vocal', { makeupDb: 0 });
    const vAuto = at('vocal', { makeupDb: 'auto' });
    const d0 = at('drums', { makeupDb: 0 });
    const dAuto = at('drums', { makeupDb: 'auto' });
    expect([v0.delta, vAuto.delta, d0.delta, dAuto.delta].map((d) => d.toFixed(1))).toEqual([
      '-3.1',
      '11.8',
      '-2.1',
      '12.9',
    ]);
    expect(deltaText(v0.delta, false)).toContain('Compressed is 3.1 LU quieter than the original (ΔLU −3.1)');
    expect(makeup).toContain('the compressed voice is 3.1 LU quieter than the original (ΔLU −3.1)');
    expect(makeup).toContain('the compressed voice is 11.8 LU louder than the original');
    expect(makeup).toContain(
      'without make-up it is 2.1 LU quieter than the original, with automatic make-up 12.9 LU louder',
    );
  }, 60_000);

  it('the output meter on the talker: −6.8 dBFS and −23.5 LUFS without make-up; +8.2 dBFS, about 5000 overs, −8.5 LUFS with auto', () => {
    const text = (over: Partial<CompressorParams>) => {
      const { render } = at('vocal', over);
      return describeOutputMeter(outputMeterModel(outputMeasures(render), 0, peakAt(render, 0)), false);
    };
    const plain = text({ makeupDb: 0 });
    const auto = text({ makeupDb: 'auto' });
    expect(plain).toContain('Whole clip: peak −6.8 dBFS (no sample over 0 dBFS), loudest short-term −23.5 LUFS.');
    expect(auto).toMatch(
      /Whole clip: peak \+8\.2 dBFS \((\d+) samples over 0 dBFS: it clips\), loudest short-term −8\.5 LUFS\./,
    );
    // The exact count depends on the decoder's last bit (5040 here, 5039 in Chromium); the lesson rounds it.
    const overs = Number(/\((\d+) samples over/.exec(auto)?.[1]);
    expect(Math.round(overs / 1000) * 1000).toBe(5000);
    expect(makeup).toContain('the whole clip peaks at −6.8 dBFS and its loudest 3 seconds read −23.5 LUFS');
    expect(makeup).toContain(
      'the loudest 3 seconds read −8.5 LUFS, and the peak reads +8.2 dBFS: about 5000 samples are over 0 dBFS',
    );
  }, 60_000);

  it('the exercise at −30 dB and 4 to 1: make-up from 8 to 9.5 dB passes on the talker, 5 to 6.5 dB on the drums', () => {
    const passing = (id: string) => {
      const ok: number[] = [];
      for (let m = 0; m <= 14; m += 0.5) {
        const { delta } = at(id, { thresholdDb: -30, makeupDb: m });
        if (checkLoudnessMatch(delta, m, id).verdict === 'good') ok.push(m);
      }
      return ok;
    };
    expect(passing('vocal')).toEqual([8, 8.5, 9, 9.5]);
    expect(passing('drums')).toEqual([5, 5.5, 6, 6.5]);
    expect(checkLoudnessMatch(at('vocal', { thresholdDb: -30, makeupDb: 0 }).delta, 0, 'x').verdict).toBe('too-little');
    expect(checkLoudnessMatch(at('vocal', { thresholdDb: -30, makeupDb: 12 }).delta, 12, 'x').verdict).toBe('too-much');
    expect(makeup).toContain('On the talker, make-up gains from 8 to 9.5 dB pass; on the drum groove');
    expect(makeup).toContain('5 to 6.5 dB');
    expect(makeup).toContain('initial={{ thresholdDb: -30, ratio: 4, makeupDb: 0 }}');
  }, 120_000);

  it('preventing clipping: +4.2 LU without an over when compressed; 87 overs when raised by plain gain', () => {
    const describeAt = (over: Partial<CompressorParams>) => {
      const { x, render, delta } = at('vocal', { thresholdDb: -30, ratio: 4, ...over });
      return clippingModel(x, render, delta);
    };
    const m = describeAt({ attackMs: 1, makeupDb: 15.5 });
    expect(m.raiseDb.toFixed(1)).toBe('4.2');
    expect(formatDbShort(m.compressed.peakDb)).toBe('−1.5 dB');
    expect(m.compressed.overs.samples).toBe(0);
    expect(formatDbShort(m.raised.peakDb)).toBe('2.3 dB');
    expect(m.raised.overs.samples).toBe(87);
    expect(describeClipping(m, 'Dynamic talker')).toContain(
      'the original peaks at +2.3 dBFS: 87 samples over 0 dBFS, in 2 places (at 11.4 s and 12.5 s)',
    );
    expect(makeup).toContain('initial={{ thresholdDb: -30, ratio: 4, attackMs: 1, makeupDb: 15.5 }}');
    expect(makeup).toContain(
      'The compressed version is 4.2 LU louder than the original and peaks at −1.5 dBFS: no sample is over 0 dBFS',
    );
    expect(makeup).toContain(
      'Raised by the same 4.2 dB with plain gain, the original peaks at +2.3 dBFS: 87 samples over 0 dBFS, in 2 places (at 11.4 s and 12.5 s)',
    );

    const more = describeAt({ attackMs: 1, makeupDb: 18 });
    expect(more.compressed.overs.samples).toBe(10);
    expect(makeup).toContain(
      'Raise the make-up gain to 18 dB and the compressed version clips too: 10 samples over 0 dBFS',
    );

    const slow = describeAt({ attackMs: 10, makeupDb: 15.5 });
    expect(formatDbShort(slow.compressed.peakDb)).toBe('4.2 dB');
    expect(slow.compressed.overs.samples).toBe(263);
    expect(makeup).toContain('the compressed version peaks at +4.2 dBFS, with 263 samples over 0 dBFS');
  }, 120_000);
});
