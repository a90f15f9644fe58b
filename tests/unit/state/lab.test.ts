import { describe, expect, it } from 'vitest';
import { getLab, renderIsCurrent } from '../../../src/state/lab';
import { renderOffline } from '../../../src/dsp/compressor';
import { sine } from '../../../src/dsp/signals';

describe('lab state', () => {
  it('gives every caller of one group the same lab, and other groups their own', () => {
    expect(getLab('a')).toBe(getLab('a'));
    expect(getLab('a')).not.toBe(getLab('b'));
    expect(getLab().group).toBe('default');
  });

  it('knows whether the render was made with the current params', () => {
    // A group of its own: labs live as long as the module (one per page), so tests do not share one.
    const lab = getLab('render-is-current');
    expect(renderIsCurrent(lab)).toBe(false);
    const channels = [sine({ frequencyHz: 1000, peakDb: -6, durationS: 0.1, sampleRate: 48_000 })];
    lab.render.value = renderOffline(channels, 48_000, lab.params.value);
    lab.renderParams.value = { ...lab.params.value };
    expect(renderIsCurrent(lab)).toBe(true);
    lab.params.value = { ...lab.params.value, thresholdDb: -7 };
    expect(renderIsCurrent(lab)).toBe(false);
    lab.renderParams.value = { ...lab.params.value };
    expect(renderIsCurrent(lab)).toBe(true);
  });
});
