/** The recipe: one encoding of a whole setting that the page address and the command line (`--recipe`) read. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PARAMS, PARAM_SPECS, validateParams, type NumericParamKey } from '../../../src/dsp/params';
import type { CompressorParams } from '../../../src/dsp/types';
import { parseUrlState, readRecipe, recipeOf, serializeUrlState } from '../../../src/lib/url-state';
import { UsageError, parseArgs } from '../../../scripts/lib/cli-args';

const numeric = (key: NumericParamKey) => {
  const spec = PARAM_SPECS[key];
  // −0 is written "0" (the same setting), so the generator leaves it out.
  return fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
};

const anyParams: fc.Arbitrary<CompressorParams> = fc.record({
  thresholdDb: numeric('thresholdDb'),
  ratio: fc.oneof(numeric('ratio'), fc.constant(Infinity)),
  kneeDb: numeric('kneeDb'),
  attackMs: numeric('attackMs'),
  releaseMs: numeric('releaseMs'),
  makeupDb: fc.oneof(numeric('makeupDb'), fc.constant('auto' as const)),
  detector: fc.constantFrom('peak' as const, 'rms' as const),
  rmsWindowMs: numeric('rmsWindowMs'),
  lookaheadMs: numeric('lookaheadMs'),
  link: numeric('link'),
  mix: numeric('mix'),
});

describe('recipe', () => {
  it('names every parameter by its URL name, in a fixed order', () => {
    expect(recipeOf({ ...DEFAULT_PARAMS, thresholdDb: -24, ratio: Infinity, makeupDb: 'auto' })).toBe(
      'threshold=-24&ratio=inf&knee=0&attack=10&release=100&makeup=auto&detector=peak&rms-window=10&lookahead=0&link=1&mix=1',
    );
  });

  it('round-trips exactly through the command line’s --recipe and through the page address', () => {
    fc.assert(
      fc.property(anyParams, (params) => {
        const recipe = recipeOf(params);
        const cli = parseArgs(['in.wav', 'out.wav', '--recipe', recipe]);
        expect(cli).toEqual({ help: false, inPath: 'in.wav', outPath: 'out.wav', params, loudness: false });
        expect({ ...DEFAULT_PARAMS, ...parseUrlState(`?${recipe}`).params }).toEqual(params);
        const read = readRecipe(recipe);
        expect(read.unknown).toEqual([]);
        expect(validateParams(read.raw, 'strict')).toEqual({ ok: true, params, warnings: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('is the parameter part of the address the page writes (one encoding)', () => {
    const params: CompressorParams = { ...DEFAULT_PARAMS, thresholdDb: -31.5, attackMs: 3 };
    const address = serializeUrlState({ params, clipId: 'drums' });
    expect(readRecipe(address)).toEqual({ raw: { thresholdDb: '-31.5', attackMs: '3' }, unknown: [] });
    expect(serializeUrlState({ params, clipId: null })).toBe('threshold=-31.5&attack=3');
  });

  it('reads a pasted address query too: a leading "?", &amp; and any case', () => {
    expect(readRecipe('?Threshold=-30&amp;RATIO=INF').raw).toEqual({ thresholdDb: '-30', ratio: 'INF' });
  });

  it('on the command line, flags beside a recipe override it; unknown names and bad values are usage errors', () => {
    const r = parseArgs(['a.wav', 'b.wav', '--recipe', 'threshold=-30&ratio=8', '--ratio', '2']);
    expect(r).toMatchObject({ params: { thresholdDb: -30, ratio: 2 } });
    expect(() => parseArgs(['a.wav', 'b.wav', '--recipe', 'thresh=-30'])).toThrow(
      new UsageError("--recipe: 'thresh' is not a setting"),
    );
    expect(() => parseArgs(['a.wav', 'b.wav', '--recipe', 'threshold=5'])).toThrow(UsageError);
    expect(() => parseArgs(['a.wav', 'b.wav', '--recipe', 'ratio=2', '--recipe', 'ratio=3'])).toThrow(
      new UsageError('--recipe given twice'),
    );
  });
});
