/**
 * One shared compressor "lab" per page (or per named group on a page). Every widget island on the page reads and
 * writes the same signals, so the controls, the plots and the player always agree.
 *
 * Islands are separate Preact roots but share this module (ES modules are singletons per page), which is how
 * they find each other: `getLab('default')` returns the same object to every caller with that group name.
 *
 * Nothing here touches Web Audio or the DOM; the audio engine (src/audio) and the render pipeline subscribe to
 * these signals. Safe to import during server rendering: no work happens until a widget calls getLab().
 */
import { signal, type Signal } from '@preact/signals';
import type { CompressorParams, OfflineRender } from '../dsp/types';
import { DEFAULT_PARAMS } from '../dsp/params';
import type { ClipLoading, LoadedClip } from '../audio/clips';
import type { Meter, PlayerLab } from '../audio/engine';
import type { ListenPath } from '../audio/worklet-protocol';

/**
 * The player's signals (src/audio/engine.ts's PlayerLab: clip, params, playhead, listening path, loudness, meter)
 * plus what the plots and the page's link add.
 */
export interface Lab extends PlayerLab {
  group: string;
  /** The offline render of `clip` with `params` (plots and loudness matching read it). */
  render: Signal<OfflineRender | null>;
  /**
   * The params `render` was made with. While a new render is on its way, `params` runs ahead of it: anything that
   * describes the render (text, exercise verdicts) reads these, so words and plots never mix two settings.
   */
  renderParams: Signal<CompressorParams | null>;
  /**
   * The render `loudness` was measured on. Loudness is measured once renders pause, so during a drag it belongs to
   * an older render: a readout of it shows only while this is `render` (matching may keep using it meanwhile).
   */
  loudnessOf: Signal<OfflineRender | null>;
  /** What the page's link asked for that could not be used as given, in words for the learner. */
  linkNotes: Signal<string[]>;
  /**
   * Settings a likely next input would ask for, most likely first (the focused slider's keyboard steps: the same
   * key again, the opposite key, the other step size). The render pipeline renders them ahead while idle.
   */
  nextParams: Signal<CompressorParams[]>;
}

const labs = new Map<string, Lab>();

export const DEFAULT_CLIP_ID = 'drums';

function createLab(group: string): Lab {
  return {
    group,
    params: signal<CompressorParams>({ ...DEFAULT_PARAMS }),
    clipId: signal(DEFAULT_CLIP_ID),
    clip: signal<LoadedClip | null>(null),
    loading: signal<ClipLoading | null>(null),
    error: signal<string | null>(null),
    render: signal<OfflineRender | null>(null),
    renderParams: signal<CompressorParams | null>(null),
    loudness: signal(null),
    loudnessOf: signal<OfflineRender | null>(null),
    playheadS: signal(0),
    playing: signal(false),
    loop: signal(true),
    listenTo: signal<ListenPath>('compressed'),
    matchLoudness: signal(true),
    meter: signal<Meter | null>(null),
    linkNotes: signal<string[]>([]),
    nextParams: signal<CompressorParams[]>([]),
  };
}

/** The lab for a group on this page, created on first use. */
export function getLab(group = 'default'): Lab {
  let lab = labs.get(group);
  if (!lab) {
    lab = createLab(group);
    labs.set(group, lab);
  }
  return lab;
}

/** Whether `lab.render` was made with the current `lab.params` (reactive: reads both signals). */
export function renderIsCurrent(lab: Lab): boolean {
  const rendered = lab.renderParams.value;
  const params = lab.params.value;
  if (!rendered || !lab.render.value) return false;
  return (Object.keys(params) as (keyof CompressorParams)[]).every((key) => Object.is(rendered[key], params[key]));
}
