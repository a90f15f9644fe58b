/**
 * Starting points for applying compression, one per kind of source, each value with the sentence that says why.
 * Pure data plus lookup: the preset chooser, the page URL (`?preset=vocal`) and the lessons all read this one
 * table, and every preset is checked by the one parameter validator (src/dsp/params) when this module loads, so a
 * value outside the compressor's ranges cannot ship.
 *
 * A preset sets every parameter (the rest from DEFAULT_PARAMS), so choosing it gives the same sound whatever was
 * set before. The reasons are written for the clips named in `clips`; the lessons quote them.
 */
import { DEFAULT_PARAMS, validateParams } from '../dsp/params';
import type { CompressorParams } from '../dsp/types';

export const PRESET_IDS = ['vocal', 'drums', 'bass', 'mix', 'parallel'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** One value of a preset and why it is set so. */
export interface PresetReason {
  key: keyof CompressorParams;
  why: string;
}

export interface Preset {
  id: PresetId;
  /** Name in the chooser. */
  label: string;
  /** One sentence: what the preset is for. */
  summary: string;
  /** Clips the preset was set on (manifest ids); the first is the one it suits best. */
  clips: readonly string[];
  /** Every parameter, validated. */
  params: Readonly<CompressorParams>;
  /** The values worth explaining, in the order a learner should read them. */
  reasons: readonly PresetReason[];
}

interface PresetSource extends Omit<Preset, 'params'> {
  values: Partial<CompressorParams>;
}

const SOURCES: readonly PresetSource[] = [
  {
    id: 'vocal',
    label: 'Vocal',
    summary: 'Evens out a voice line by line while it still sounds like a person talking or singing.',
    clips: ['narrator', 'vocal'],
    values: {
      thresholdDb: -30,
      ratio: 3,
      kneeDb: 6,
      attackMs: 15,
      releaseMs: 150,
      detector: 'rms',
      rmsWindowMs: 10,
      makeupDb: 6,
    },
    reasons: [
      {
        key: 'ratio',
        why: '3:1 because a voice needs its loud words brought closer to its quiet ones, not flattened.',
      },
      { key: 'thresholdDb', why: '−30 dB so the body of every line is over it, not just the odd shout.' },
      { key: 'attackMs', why: 'A 15 ms attack so consonants keep their edge and words stay clear.' },
      { key: 'releaseMs', why: 'A 150 ms release lets go between words without pumping on every syllable.' },
      { key: 'detector', why: 'An RMS detector follows the loudness of a voice rather than its sharpest peaks.' },
      { key: 'kneeDb', why: 'A 6 dB soft knee eases the compression in, so it is hard to hear where it starts.' },
      { key: 'makeupDb', why: '6 dB of make-up gives back roughly what the compressor takes away.' },
    ],
  },
  {
    id: 'drums',
    label: 'Drums',
    summary: 'Lets the crack of each hit through and turns the ring after it down: punchier drums.',
    clips: ['drums'],
    values: {
      thresholdDb: -30,
      ratio: 6,
      kneeDb: 0,
      attackMs: 20,
      releaseMs: 80,
      detector: 'peak',
      makeupDb: 4,
    },
    reasons: [
      { key: 'attackMs', why: 'A 20 ms attack so the first crack of each hit passes before the compressor reacts.' },
      { key: 'ratio', why: '6:1 because the body of a hit should drop clearly below its crack.' },
      { key: 'releaseMs', why: 'An 80 ms release recovers before the next sixteenth note, so every hit starts fresh.' },
      { key: 'detector', why: 'A peak detector, because drum hits are short and an RMS average would miss them.' },
      { key: 'kneeDb', why: 'A hard knee (0 dB) so every hit over the threshold gets the full ratio.' },
      { key: 'thresholdDb', why: '−30 dB catches kick and snare but leaves the quiet ghost notes alone.' },
      { key: 'makeupDb', why: '4 dB of make-up restores the level.' },
    ],
  },
  {
    id: 'bass',
    label: 'Bass',
    summary: 'Holds every note of a bass line at the same level, so the low end stays solid under the band.',
    clips: ['bass'],
    values: {
      thresholdDb: -30,
      ratio: 4,
      kneeDb: 3,
      attackMs: 15,
      releaseMs: 200,
      detector: 'rms',
      rmsWindowMs: 20,
      makeupDb: 6,
    },
    reasons: [
      { key: 'ratio', why: '4:1 because accents and ghost notes should end up close in level.' },
      {
        key: 'releaseMs',
        why: 'A 200 ms release, longer than a low note’s cycle, so the gain does not wobble with the waveform.',
      },
      { key: 'detector', why: 'An RMS detector with a 20 ms window follows each note’s loudness, not single cycles.' },
      { key: 'attackMs', why: 'A 15 ms attack keeps the pluck at the start of each note.' },
      { key: 'thresholdDb', why: '−30 dB puts most notes over it, so they are all evened out.' },
      { key: 'kneeDb', why: 'A 3 dB knee softens the change between notes that are just under and just over.' },
      { key: 'makeupDb', why: '6 dB of make-up restores the level.' },
    ],
  },
  {
    id: 'mix',
    label: 'Full mix (glue)',
    summary: 'Gentle bus compression on the whole band: a few dB that make the parts move together.',
    clips: ['mix'],
    values: {
      thresholdDb: -30,
      ratio: 2,
      kneeDb: 6,
      attackMs: 30,
      releaseMs: 300,
      detector: 'rms',
      rmsWindowMs: 10,
      makeupDb: 3,
    },
    reasons: [
      { key: 'ratio', why: '2:1 because a whole mix only needs nudging; more would flatten every part at once.' },
      { key: 'attackMs', why: 'A 30 ms attack keeps the drum hits’ transients, the mix’s punch, intact.' },
      { key: 'releaseMs', why: 'A 300 ms release moves slowly, with the phrase, so no single part pumps.' },
      { key: 'kneeDb', why: 'A 6 dB soft knee makes the compression fade in unnoticed.' },
      { key: 'detector', why: 'An RMS detector reacts to the band’s loudness rather than to single drum peaks.' },
      { key: 'thresholdDb', why: '−30 dB, just into the louder passages, for a few dB of reduction.' },
      { key: 'makeupDb', why: '3 dB of make-up for the little it takes away.' },
    ],
  },
  {
    id: 'parallel',
    label: 'Parallel (mix)',
    summary: 'Heavy compression blended under the untouched sound: quiet detail comes up, the hits keep their shape.',
    clips: ['drums', 'mix'],
    values: {
      thresholdDb: -40,
      ratio: 10,
      kneeDb: 0,
      attackMs: 1,
      releaseMs: 100,
      detector: 'peak',
      lookaheadMs: 2,
      makeupDb: 12,
      mix: 0.5,
    },
    reasons: [
      {
        key: 'mix',
        why: 'A 50 % mix: half the untouched sound keeps every transient, half the squashed sound lifts the rest.',
      },
      {
        key: 'ratio',
        why: '10:1 from −40 dB squashes the compressed half hard; the dry half keeps it sounding natural.',
      },
      { key: 'attackMs', why: 'A 1 ms attack so the compressed half holds even the hits down.' },
      {
        key: 'lookaheadMs',
        why: '2 ms of lookahead; the dry half is delayed by the same 2 ms, so the two halves line up and nothing cancels.',
      },
      { key: 'releaseMs', why: 'A 100 ms release lifts the quiet moments between hits.' },
      { key: 'makeupDb', why: '12 dB of make-up brings the squashed half up to sit beside the dry half.' },
      { key: 'thresholdDb', why: '−40 dB so nearly everything in the compressed half is turned down.' },
    ],
  },
];

function build(source: PresetSource): Preset {
  const result = validateParams({ ...DEFAULT_PARAMS, ...source.values }, 'strict');
  if (!result.ok) throw new Error(`preset ${source.id}: ${result.errors.join('; ')}`);
  const { values: _values, ...rest } = source;
  return { ...rest, params: Object.freeze(result.params) };
}

export const PRESETS: readonly Preset[] = Object.freeze(SOURCES.map(build));

/** The preset with this id (any case, trimmed), or null. */
export function findPreset(id: string): Preset | null {
  const wanted = id.trim().toLowerCase();
  return PRESETS.find((p) => p.id === wanted) ?? null;
}

/** The preset whose every value the settings equal, or null ("your own settings"). */
export function matchingPreset(params: CompressorParams): Preset | null {
  const keys = Object.keys(DEFAULT_PARAMS) as (keyof CompressorParams)[];
  return PRESETS.find((p) => keys.every((k) => Object.is(p.params[k], params[k]))) ?? null;
}
