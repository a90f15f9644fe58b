import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { parseUrlState, serializeUrlState } from '../../../src/lib/url-state';
import { embedUrl, escapeAttribute, iframeSnippet } from '../../../src/lib/embed';

describe('URL state', () => {
  it('reads short names through the validator', () => {
    const s = parseUrlState('?clip=vocal&threshold=-24&ratio=inf&knee=6&controls=threshold,ratio');
    expect(s.params).toEqual({ thresholdDb: -24, ratio: Infinity, kneeDb: 6 });
    expect(s.clipId).toBe('vocal');
    expect(s.controls).toEqual(['thresholdDb', 'ratio']);
    expect(s.warnings).toEqual([]);
  });

  it('clamps out-of-range values and ignores unparsable and unknown ones', () => {
    const s = parseUrlState('threshold=999&ratio=abc&bogus=1&attack=-5');
    expect(s.params).toEqual({ thresholdDb: 0, attackMs: 0.1 });
    expect(s.warnings).toHaveLength(3);
  });

  it('never accepts markup as a clip id', () => {
    const s = parseUrlState(`clip=${encodeURIComponent('<script>alert(1)</script>')}&threshold=abc`);
    expect(s.clipId).toBeNull();
    expect(s.params).toEqual({});
    expect(parseUrlState('clip=drums', ['vocal']).clipId).toBeNull();
  });

  it('keeps only known controls, once each', () => {
    expect(parseUrlState('controls=ratio,nonsense,ratio,attackMs,detector').controls).toEqual(['ratio', 'attackMs']);
    expect(parseUrlState('controls=').controls).toEqual([]);
    expect(parseUrlState('controls=%22%3E%3Cscript%3E').controls).toBeNull();
  });

  it('carries workbench panels as plain names only', () => {
    expect(parseUrlState('panels=transfer,<b>,envelope').panels).toEqual(['transfer', 'envelope']);
    expect(parseUrlState('threshold=-3').panels).toBeNull();
    const q = serializeUrlState({ params: DEFAULT_PARAMS, clipId: 'vocal', controls: [], panels: ['player', 'meter'] });
    expect(q).toBe('clip=vocal&controls=&panels=player%2Cmeter');
  });

  it('writes the clip, non-default parameters and controls, keeping foreign keys', () => {
    const q = serializeUrlState(
      {
        params: { ...DEFAULT_PARAMS, thresholdDb: -24.5, ratio: Infinity },
        clipId: 'drums',
        controls: ['thresholdDb'],
      },
      'lang=en&threshold=-3',
    );
    expect(q).toBe('lang=en&clip=drums&threshold=-24.5&ratio=inf&controls=threshold');
    expect(parseUrlState(q).params).toEqual({ thresholdDb: -24.5, ratio: Infinity });
  });
});

describe('embed snippet', () => {
  it('escapes attribute text', () => {
    expect(escapeAttribute('a"b<c>&')).toBe('a&quot;b&lt;c&gt;&amp;');
  });

  it('builds an iframe for the current state', () => {
    const src = embedUrl('https://lab.example/sub', 'transfer-curve', {
      params: { ...DEFAULT_PARAMS, thresholdDb: -30 },
      clipId: 'vocal',
      controls: ['thresholdDb', 'ratio'],
    });
    expect(src).toBe(
      'https://lab.example/sub/embed/transfer-curve/?clip=vocal&threshold=-30&controls=threshold%2Cratio',
    );
    const html = iframeSnippet(src, 'transfer-curve');
    expect(html).toContain(
      'src="https://lab.example/sub/embed/transfer-curve/?clip=vocal&amp;threshold=-30&amp;controls=threshold%2Cratio"',
    );
    expect(html).toContain('title="Transfer curve · Compressor Lab"');
    expect(html.startsWith('<iframe ')).toBe(true);
  });
});

describe('notes for the learner about a link', () => {
  it('says what was clamped, what was unreadable and which clip does not exist, quoting values as text', () => {
    const state = parseUrlState('?threshold=abc&ratio=999&attack=-5&clip=%3Cscript%3Ealert(1)%3C/script%3E', ['drums']);
    expect(state.notes).toEqual([
      'Threshold “abc” can’t be read, so the page’s own setting is kept.',
      'Ratio “999” is outside the range this compressor offers, so 20 to 1 is used.',
      'Attack “-5” is outside the range this compressor offers, so 0.1 ms is used.',
      'There is no example clip called “<script>alert(1)</scrip…”, so the page’s own clip plays instead.',
    ]);
  });

  it('has nothing to say about a link whose settings are all usable', () => {
    expect(parseUrlState('?threshold=-30&ratio=inf&clip=vocal', ['vocal']).notes).toEqual([]);
  });
});

describe('the clip a link names', () => {
  const ids = ['vocal', 'drums', 'bass'];
  const clipOf = (raw: string) => parseUrlState(`?clip=${encodeURIComponent(raw)}`, ids).clipId;
  it('accepts known, well-formed ids only', () => {
    expect(clipOf('drums')).toBe('drums');
    expect(clipOf(' Bass ')).toBe('bass');
    expect(clipOf('piano')).toBeNull();
    expect(clipOf('<img src=x>')).toBeNull();
    expect(clipOf('../drums')).toBeNull();
    expect(parseUrlState('?threshold=-30', ids).clipId).toBeNull();
  });
});
