/**
 * The presets (src/lib/presets): every value passes the one validator, the vocal preset is a 3:1–4:1 starting
 * point, each explained value's sentence names the value it explains, and `preset=` in a page URL applies a preset
 * (parameters the link names override it; an unknown preset is reported in words and ignored).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, validateParams } from '../../../src/dsp/params';
import type { CompressorParams } from '../../../src/dsp/types';
import { findPreset, matchingPreset, PRESET_IDS, PRESETS } from '../../../src/lib/presets';
import { parseUrlState, serializeUrlState } from '../../../src/lib/url-state';
import { changedCount, presetRows } from '../../../src/widgets/Presets/model';

/** How a value is written in a reason sentence: "3:1", "15 ms", "−30 dB", "50 %", "RMS". */
function spoken(key: keyof CompressorParams, value: CompressorParams[keyof CompressorParams]): string {
  if (key === 'detector') return value === 'rms' ? 'RMS' : 'peak';
  if (key === 'ratio') return `${String(value)}:1`;
  if (key === 'mix') return `${Math.round((value as number) * 100)} %`;
  const unit = key.endsWith('Ms') ? 'ms' : 'dB';
  return `${String(value).replace('-', '−')} ${unit}`;
}

describe('presets', () => {
  it('are the five the lessons use, each a complete, valid setting', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([...PRESET_IDS]);
    expect(PRESET_IDS).toEqual(['vocal', 'drums', 'bass', 'mix', 'parallel']);
    for (const preset of PRESETS) {
      const checked = validateParams({ ...preset.params }, 'strict');
      expect(checked).toEqual({ ok: true, params: preset.params, warnings: [] });
      expect(Object.keys(preset.params).sort()).toEqual(Object.keys(DEFAULT_PARAMS).sort());
    }
  });

  it('vocal: a ratio between 3 and 4 with a moderate attack and release', () => {
    const vocal = findPreset('vocal');
    expect(vocal?.params.ratio).toBeGreaterThanOrEqual(3);
    expect(vocal?.params.ratio).toBeLessThanOrEqual(4);
    expect(vocal?.params.attackMs).toBeGreaterThanOrEqual(5);
    expect(vocal?.params.attackMs).toBeLessThanOrEqual(30);
    expect(vocal?.params.releaseMs).toBeGreaterThanOrEqual(50);
    expect(vocal?.params.releaseMs).toBeLessThanOrEqual(300);
  });

  it('parallel: a mix below 100 % with lookahead (the dry path is delayed to match)', () => {
    const parallel = findPreset('parallel');
    expect(parallel?.params.mix).toBe(0.5);
    expect(parallel?.params.lookaheadMs).toBeGreaterThan(0);
  });

  it('every reason names the value it explains, and every value that differs from the defaults is explained', () => {
    for (const preset of PRESETS) {
      for (const { key, why } of preset.reasons)
        expect(why, `${preset.id}.${key}`).toContain(spoken(key, preset.params[key]));
      const explained = new Set(preset.reasons.map((r) => r.key));
      const differing = (Object.keys(DEFAULT_PARAMS) as (keyof CompressorParams)[]).filter(
        (k) => k !== 'rmsWindowMs' && !Object.is(preset.params[k], DEFAULT_PARAMS[k]),
      );
      for (const key of differing) expect(explained.has(key), `${preset.id}.${key} explained`).toBe(true);
    }
  });

  it('are found by id in any case, and a setting is matched only when every value is equal', () => {
    expect(findPreset(' Drums ')?.id).toBe('drums');
    expect(findPreset('guitar')).toBeNull();
    const drums = findPreset('drums');
    if (!drums) throw new Error('no drums preset');
    expect(matchingPreset({ ...drums.params })?.id).toBe('drums');
    expect(matchingPreset({ ...drums.params, ratio: 5 })).toBeNull();
    expect(matchingPreset({ ...DEFAULT_PARAMS })).toBeNull();
  });

  it('the chooser marks values the learner moved after choosing', () => {
    const vocal = findPreset('vocal');
    if (!vocal) throw new Error('no vocal preset');
    const moved = { ...vocal.params, ratio: 4, link: 0.5 };
    const rows = presetRows(vocal, moved);
    expect(rows.find((r) => r.key === 'ratio')).toMatchObject({ label: 'Ratio', value: '3 to 1', nowValue: '4 to 1' });
    expect(rows.find((r) => r.key === 'attackMs')).toMatchObject({ value: '15 ms', nowValue: null });
    expect(rows.find((r) => r.key === 'detector')?.value).toBe('RMS');
    expect(changedCount(vocal, moved)).toBe(2);
    expect(changedCount(vocal, vocal.params)).toBe(0);
  });
});

describe('preset= in a page URL', () => {
  it('applies the whole preset', () => {
    const s = parseUrlState('?preset=vocal&clip=narrator');
    expect(s.preset).toBe('vocal');
    expect(s.params).toEqual(findPreset('vocal')?.params);
    expect(s.notes).toEqual([]);
  });

  it('lets parameters the link names override it', () => {
    const s = parseUrlState('?ratio=4&preset=drums');
    expect(s.params).toEqual({ ...findPreset('drums')?.params, ratio: 4 });
  });

  it('reports an unknown preset in words and keeps the page’s settings', () => {
    const s = parseUrlState('?preset=<b>loud</b>');
    expect(s.preset).toBeNull();
    expect(s.params).toEqual({});
    expect(s.notes).toEqual([
      'There is no preset called “<b>loud</b>” (the presets are vocal, drums, bass, mix, parallel), so the page’s own settings are used.',
    ]);
    expect(s.warnings).toEqual(['preset: not one of the presets (ignored)']);
  });

  it('is not written back: the parameters are, so an edited link keeps its meaning', () => {
    const parallel = findPreset('parallel');
    if (!parallel) throw new Error('no parallel preset');
    const query = serializeUrlState(
      { params: { ...DEFAULT_PARAMS, ratio: 3 }, clipId: 'vocal' },
      'preset=parallel&x=1',
    );
    expect(new URLSearchParams(query).get('preset')).toBeNull();
    expect(new URLSearchParams(query).get('x')).toBe('1');
    expect(parseUrlState(query).params).toEqual({ ratio: 3 });
  });
});
