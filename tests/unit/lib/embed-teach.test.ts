import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { parseEmbedOptions, tidyQuery } from '../../../src/lib/embed-options';
import {
  contentHeight,
  embedMessage,
  readEmbedMessage,
  resizeScript,
  urlParams,
} from '../../../src/lib/embed-protocol';
import { EMBED_NAMES, EMBEDS, iframeSnippet } from '../../../src/lib/embed';
import { findPreset } from '../../../src/lib/presets';
import { parseUrlState } from '../../../src/lib/url-state';
import {
  BUILDER_SECTIONS,
  builderPath,
  sectionsFor,
  toggled,
  type BuilderChoice,
} from '../../../src/widgets/Builder/model';

describe('tidying a hand-written embed address', () => {
  it('reads a pasted &amp; as & and names and values in any case', () => {
    const { query, notes } = tidyQuery('?clip=Vocal&amp;Threshold=-30&amp;RATIO=INF&#38;panels=Transfer,Controls');
    expect(query).toBe('clip=vocal&threshold=-30&ratio=inf&panels=transfer%2Ccontrols');
    expect(notes).toEqual([]);
    const state = parseUrlState(query, ['vocal']);
    expect(state.params).toEqual({ thresholdDb: -30, ratio: Infinity });
    expect(state.clipId).toBe('vocal');
    expect(state.panels).toEqual(['transfer', 'controls']);
  });

  it('says when one name is given twice with different values, and uses the last', () => {
    const { query, notes } = tidyQuery('threshold=-10&Threshold=-20');
    expect(query).toBe('threshold=-20');
    expect(notes).toEqual(['“threshold” is given twice (“-10” and “-20”), so the last one is used.']);
    expect(tidyQuery('ratio=4&RATIO=4').notes).toEqual([]);
  });
});

describe('embed options', () => {
  it('reads theme, hide and lock, and names what it cannot use', () => {
    expect(parseEmbedOptions('theme=dark&hide=clip,listen,reset&lock=threshold,ratio')).toEqual({
      theme: 'dark',
      hide: ['clip', 'listen', 'reset'],
      lock: ['thresholdDb', 'ratio'],
      notes: [],
    });
    const odd = parseEmbedOptions('theme=blue&hide=player&lock=volume');
    expect(odd.theme).toBe('auto');
    expect(odd.hide).toEqual([]);
    expect(odd.lock).toEqual([]);
    expect(odd.notes).toEqual([
      'The theme “blue” isn’t one of light, dark or auto, so the reader’s own is used.',
      '“player” can’t be hidden (only clip, listen, reset, file), so it is shown.',
      'There is no setting called “volume” to lock.',
    ]);
  });
});

describe('host messages', () => {
  it('carry source, version, type and widget, and settings under their URL names', () => {
    const message = embedMessage('settingchange', 'workbench', {
      clip: 'vocal',
      params: urlParams({ ...DEFAULT_PARAMS, thresholdDb: -30, ratio: Infinity }),
    });
    expect(message).toMatchObject({ source: 'compressor-lab', version: 1, type: 'settingchange', widget: 'workbench' });
    expect(message).toMatchObject({
      clip: 'vocal',
      params: { threshold: -30, ratio: 'inf', knee: 0, detector: 'peak' },
    });
    expect(readEmbedMessage(message)).toBe(message);
  });

  it('are told apart from anything else a page may receive', () => {
    expect(readEmbedMessage({ source: 'compressor-lab', version: 2, type: 'resize', height: 10 })).toBeNull();
    expect(readEmbedMessage({ source: 'other', version: 1, type: 'resize', height: 10 })).toBeNull();
    expect(readEmbedMessage({ source: 'compressor-lab', version: 1, type: 'resize', height: 'x' })).toBeNull();
    expect(readEmbedMessage({ source: 'compressor-lab', version: 1, type: 'explode' })).toBeNull();
    expect(readEmbedMessage('resize')).toBeNull();
  });

  it('report whole pixels, rounded up', () => {
    expect(contentHeight(672.2)).toBe(673);
    expect(contentHeight(673)).toBe(673);
  });
});

describe('the snippet', () => {
  const src = 'https://lab.example/sub/embed/workbench/?clip=vocal&threshold=-30';
  it('gives the measured height and the lines that apply later heights, for that origin only', () => {
    const html = iframeSnippet(src, 'workbench', { heightPx: 672.4 });
    expect(html).toContain('height="673"');
    expect(html).toContain(resizeScript('https://lab.example'));
    expect(html).toContain('e.origin !== "https://lab.example"');
    expect(html).toContain('f.contentWindow === e.source');
  });
  it('can leave the script out', () => {
    expect(iframeSnippet(src, 'workbench', { resize: false })).not.toContain('<script>');
  });
});

describe('the builder', () => {
  it('writes settings and options into one embed address, locking only sliders that are shown', () => {
    const path = builderPath({
      widget: 'workbench',
      task: 'loudest-hits-only',
      clipId: 'piano',
      params: { ...DEFAULT_PARAMS, thresholdDb: -30 },
      controls: ['thresholdDb', 'ratio'],
      panels: ['player', 'controls', 'transfer'],
      hide: ['clip', 'reset'],
      lock: ['ratio', 'kneeDb'],
      theme: 'dark',
      seed: '',
    });
    expect(path).toBe(
      'embed/workbench/?clip=piano&threshold=-30&controls=threshold%2Cratio&panels=player%2Ccontrols%2Ctransfer' +
        '&lock=ratio&hide=clip%2Creset&theme=dark',
    );
    const back = parseEmbedOptions(tidyQuery(path.split('?')[1] ?? '').query);
    expect(back).toEqual({ theme: 'dark', hide: ['clip', 'reset'], lock: ['ratio'], notes: [] });
  });
  const base = {
    task: 'loudest-hits-only',
    clipId: 'narrator',
    params: { ...DEFAULT_PARAMS },
    controls: ['thresholdDb', 'ratio'],
    panels: ['player'],
    hide: [],
    lock: [],
    theme: 'auto',
    seed: '',
  } satisfies Omit<BuilderChoice, 'widget'>;

  it('names a preset the settings equal, and the embed reads it back to the same settings', () => {
    const vocal = findPreset('vocal');
    if (!vocal) throw new Error('no vocal preset');
    const path = builderPath({ ...base, widget: 'player', params: { ...vocal.params }, controls: [] });
    expect(path).toBe('embed/player/?preset=vocal&clip=narrator&controls=');
    expect(parseUrlState(path.split('?')[1] ?? '', ['narrator']).params).toEqual(vocal.params);
    const moved = builderPath({ ...base, widget: 'player', params: { ...vocal.params, ratio: 4 }, controls: [] });
    expect(moved).not.toContain('preset=');
    const read = parseUrlState(moved.split('?')[1] ?? '', ['narrator']).params;
    expect({ ...DEFAULT_PARAMS, ...read }).toEqual({ ...vocal.params, ratio: 4 });
  });

  it('gives an exercise its task, and a practice drill only its theme', () => {
    expect(builderPath({ ...base, widget: 'exercise', task: 'loudest-reduction' })).toBe(
      'embed/exercise/?task=loudest-reduction&clip=narrator&controls=threshold%2Cratio',
    );
    expect(builderPath({ ...base, widget: 'practice-match', hide: ['clip'], theme: 'dark' })).toBe(
      'embed/practice-match/?theme=dark',
    );
    expect(builderPath({ ...base, widget: 'practice-questions' })).toBe('embed/practice-questions/');
    expect(builderPath({ ...base, widget: 'practice-attack', seed: '42' })).toBe('embed/practice-attack/?seed=42');
    expect(builderPath({ ...base, widget: 'practice-attack', seed: '4x2' })).toBe('embed/practice-attack/');
    expect(builderPath({ ...base, widget: 'workbench', seed: '42' })).not.toContain('seed');
    expect(sectionsFor('practice-attack')).not.toContain('settings');
    expect(sectionsFor('workbench')).toEqual(BUILDER_SECTIONS.map((s) => s.slug));
  });

  it('offers every embed page, each with a measured default height', () => {
    expect(EMBED_NAMES).toContain('player');
    expect(EMBED_NAMES).toContain('practice-reduction');
    for (const name of EMBED_NAMES) expect(EMBEDS[name].heightPx).toBeGreaterThan(100);
  });

  it('keeps lists in their offered order', () => {
    expect(toggled(['c', 'a'], 'b', true, ['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(toggled(['a', 'b'], 'a', false, ['a', 'b', 'c'])).toEqual(['b']);
  });
});

describe('exercise results for the host page', () => {
  it('passes on each verdict given, not the waiting message, until unsubscribed', async () => {
    const { onResult, reportResult } = await import('../../../src/widgets/Exercise/results');
    const heard: string[] = [];
    const stop = onResult((r) => heard.push(`${r.verdict}: ${r.message}`));
    reportResult('none', 'Working out what your setting does to the clip…');
    reportResult('too-many', 'Too many hits cross the threshold.');
    stop();
    reportResult('good', 'Only the loudest hits cross it.');
    expect(heard).toEqual(['too-many: Too many hits cross the threshold.']);
  });

  it('states the Ratio task with the numbers its check uses', async () => {
    const { EMBED_TASKS } = await import('../../../src/widgets/Exercise/results');
    const { props, prompt } = EMBED_TASKS['loudest-reduction'];
    expect(prompt).toContain(`leave the threshold at −${Math.abs(props.thresholdDb ?? 0)} dB`);
    expect(prompt).toContain(`${props.minDb} to ${props.maxDb} dB`);
  });
});
