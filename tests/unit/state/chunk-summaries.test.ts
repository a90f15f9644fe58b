/**
 * Block summaries made piece by piece (block-summary.ts summarizeRange, render-summary.ts ChunkSummaries) equal the
 * summary of the whole array, NaN, ±0 and ±∞ included; the render Worker's chunked summaries equal summarize() of
 * the arrays it sends, with and without lookahead (realigned arrays are summarised whole).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderOfflineSteps } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { sine } from '../../../src/dsp/signals';
import { blankSummary, summarize, summarizeRange, type BlockSummary } from '../../../src/state/block-summary';
import { ChunkSummaries } from '../../../src/state/render-summary';

const rows = (s: BlockSummary) => ({
  block: s.block,
  length: s.length,
  min: Array.from(new Uint32Array(s.min.buffer)),
  max: Array.from(new Uint32Array(s.max.buffer)),
});

const special = [NaN, 0, -0, Infinity, -Infinity, 1e-30, -3];

describe('summarizeRange', () => {
  it('piece by piece equals summarize of the whole array', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.float({ noNaN: false }), fc.constantFrom(...special)), { maxLength: 3000 }),
        fc.constantFrom(64, 256),
        fc.integer({ min: 1, max: 8 }),
        (values, block, piecesPerChunk) => {
          const a = Float32Array.from(values);
          const summary = blankSummary(a.length, block);
          const step = block * piecesPerChunk;
          for (let start = 0; start < a.length; start += step) {
            summarizeRange(a, start, Math.min(a.length, start + step), summary);
          }
          expect(rows(summary)).toEqual(rows(summarize(a, block)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses pieces off the block boundaries', () => {
    const a = new Float32Array(200);
    const summary = blankSummary(a.length, 64);
    expect(() => summarizeRange(a, 10, 64, summary)).toThrow(RangeError);
    expect(() => summarizeRange(a, 0, 100, summary)).toThrow(RangeError);
  });
});

describe('ChunkSummaries over a render', () => {
  const input = [220, 330].map((f) => sine({ sampleRate: 48_000, frequencyHz: f, peakDb: -6, durationS: 1.1 }));
  const frames = input[0]?.length ?? 0;

  it.each([0, 3])('equal summarize() of every array the render returns (lookahead %s ms)', (lookaheadMs) => {
    const sums = new ChunkSummaries(frames);
    const chunk = 4096;
    const params = { ...DEFAULT_PARAMS, thresholdDb: -24, lookaheadMs };
    const steps = renderOfflineSteps(input, 48_000, params, chunk, (n) => sums.track(new Float32Array(n)));
    let written = 0;
    let next = steps.next();
    while (!next.done) {
      written = Math.min(written + chunk, frames);
      sums.advance(written);
      next = steps.next();
    }
    const render = next.value;
    for (const values of [...render.output, render.detectorDb, render.targetReductionDb, render.appliedReductionDb]) {
      expect(rows(sums.of(values))).toEqual(rows(summarize(values)));
    }
  });

  it('summarises an array whole when its chunks were not all seen', () => {
    const sums = new ChunkSummaries(1000);
    const a = sums.track(Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i)));
    sums.advance(512);
    expect(rows(sums.of(a))).toEqual(rows(summarize(a)));
  });
});
