import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, PARAM_SPECS, formatParamValue, validateParams } from '../../../src/dsp/params';

describe('DEFAULT_PARAMS', () => {
  it('matches the documented defaults', () => {
    expect(DEFAULT_PARAMS).toEqual({
      thresholdDb: -20,
      ratio: 4,
      kneeDb: 0,
      attackMs: 10,
      releaseMs: 100,
      makeupDb: 0,
      detector: 'peak',
      rmsWindowMs: 10,
      lookaheadMs: 0,
      link: 1,
      mix: 1,
    });
  });
  it('lies inside every range of PARAM_SPECS', () => {
    for (const spec of Object.values(PARAM_SPECS)) {
      const value = DEFAULT_PARAMS[spec.key];
      if (typeof value === 'number') {
        expect(value).toBeGreaterThanOrEqual(spec.min);
        expect(value).toBeLessThanOrEqual(spec.max);
      }
    }
  });
});

describe('validateParams strict', () => {
  it('accepts strings with U+2212 minus, inf, ∞ and auto', () => {
    const r = validateParams(
      { thresholdDb: '\u221230', ratio: '∞', makeupDb: 'auto', detector: 'RMS', mix: '0.5' },
      'strict',
    );
    expect(r).toEqual({
      ok: true,
      params: { ...DEFAULT_PARAMS, thresholdDb: -30, ratio: Infinity, makeupDb: 'auto', detector: 'rms', mix: 0.5 },
      warnings: [],
    });
    const inf = validateParams({ ratio: 'inf' }, 'strict');
    expect(inf.ok && inf.params.ratio).toBe(Infinity);
  });
  it('rejects out-of-range values naming the parameter, value and range', () => {
    const r = validateParams({ thresholdDb: 5 }, 'strict');
    expect(r).toEqual({ ok: false, errors: ['thresholdDb: 5 is out of range (allowed -60..0 dB)'] });
  });
  it('rejects unknown keys, garbage, NaN, infinite thresholds and bad detectors, one message each', () => {
    const r = validateParams(
      { foo: 1, attackMs: 'fast', releaseMs: NaN, thresholdDb: -Infinity, detector: 'loud', makeupDb: '0x10' },
      'strict',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(6);
      expect(r.errors).toContain("unknown parameter 'foo'");
      expect(r.errors).toContain("attackMs: 'fast' is not a number (allowed 0.1..200 ms)");
      expect(r.errors).toContain("detector: 'loud' is not allowed (peak or rms)");
      expect(r.errors).toContain("makeupDb: '0x10' is not a number (allowed 0..24 dB or auto)");
    }
  });
  it('does not allow auto or inf where they do not belong', () => {
    expect(validateParams({ thresholdDb: 'auto' }, 'strict').ok).toBe(false);
    expect(validateParams({ kneeDb: 'inf' }, 'strict').ok).toBe(false);
    expect(validateParams({ ratio: '' }, 'strict').ok).toBe(false);
  });
  it('accepts the range ends exactly', () => {
    const r = validateParams(
      { thresholdDb: -60, ratio: 20, attackMs: 0.1, releaseMs: 2000, link: 0, mix: 0 },
      'strict',
    );
    expect(r.ok).toBe(true);
  });
});

describe('validateParams clamp', () => {
  it('clamps out-of-range numbers and warns', () => {
    const r = validateParams({ thresholdDb: '-90', ratio: '0.5', mix: 2 }, 'clamp');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.params.thresholdDb).toBe(-60);
      expect(r.params.ratio).toBe(1);
      expect(r.params.mix).toBe(1);
      expect(r.warnings).toHaveLength(3);
    }
  });
  it('ignores unparsable values and unknown keys, keeping defaults', () => {
    const r = validateParams({ attackMs: 'abc', bogus: '1', releaseMs: '250' }, 'clamp');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.params).toEqual({ ...DEFAULT_PARAMS, releaseMs: 250 });
      expect(r.warnings).toEqual([
        "attackMs: 'abc' is not a number (allowed 0.1..200 ms)",
        "unknown parameter 'bogus'",
      ]);
    }
  });
});

describe('formatParamValue', () => {
  it('writes readouts a screen reader can speak', () => {
    expect(formatParamValue('thresholdDb', -20)).toBe('\u221220 dB');
    expect(formatParamValue('thresholdDb', -20.5)).toBe('\u221220.5 dB');
    expect(formatParamValue('ratio', 4)).toBe('4 to 1');
    expect(formatParamValue('ratio', 2.5)).toBe('2.5 to 1');
    expect(formatParamValue('ratio', Infinity)).toBe('∞ to 1');
    expect(formatParamValue('attackMs', 10)).toBe('10 ms');
    expect(formatParamValue('attackMs', 0.1)).toBe('0.1 ms');
    expect(formatParamValue('makeupDb', 'auto')).toBe('auto');
    expect(formatParamValue('makeupDb', 6)).toBe('6 dB');
    expect(formatParamValue('mix', 1)).toBe('100 %');
    expect(formatParamValue('link', 0.5)).toBe('50 %');
    expect(formatParamValue('detector', 'rms')).toBe('rms');
    expect(formatParamValue('thresholdDb', -0)).toBe('0 dB');
  });
});
