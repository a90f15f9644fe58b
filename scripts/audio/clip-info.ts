/**
 * The hand-written part of each manifest entry: titles, one-line descriptions, licences and a suggested
 * starting setting. Everything measurable (duration, loudness, peak, crest factor, loudness range) is added by
 * measure.ts from the shipped files, never typed here.
 */
import type { Clip } from '../../src/clips/manifest';

export type ClipInfo = Pick<Clip, 'id' | 'title' | 'role' | 'description' | 'licence' | 'source' | 'suggested'>;

const MUSIC_LICENCE = 'MIT (FluidR3_GM SoundFont by Frank Wen); MIDI written for Compressor Lab';
const musicSource = (part: string) =>
  `${part} written as MIDI in scripts/audio/groove.ts, rendered with FluidSynth and the FluidR3_GM SoundFont`;

/** Order here is the order learners see in clip pickers. */
export const CLIP_INFO: readonly ClipInfo[] = [
  {
    id: 'vocal',
    title: 'Dynamic talker',
    role: 'speech',
    description:
      'A voice that moves towards and away from the microphone: 3:1 with a 10 ms attack and 150 ms release evens out the lines without pumping between words.',
    licence: 'BSD-style (Festival, CMU ARCTIC "slt" HTS voice, CMU dictionary); text written for Compressor Lab',
    source:
      'Synthetic speech: Festival with the cmu_us_slt_arctic_hts voice, lines and levels in scripts/audio/vocal.ts',
    suggested: { thresholdDb: -30, ratio: 3, kneeDb: 6, attackMs: 10, releaseMs: 150, detector: 'rms', makeupDb: 7 },
  },
  {
    id: 'drums',
    title: 'Drum groove',
    role: 'drum kit',
    description:
      'Kick, snare with ghost notes and 16th hi-hats: a 20 ms attack lets each hit through before 6:1 clamps down, so the drums get punchier; shorten the attack to flatten them.',
    licence: MUSIC_LICENCE,
    source: musicSource('Drum part'),
    suggested: { thresholdDb: -30, ratio: 6, kneeDb: 0, attackMs: 20, releaseMs: 80, detector: 'peak', makeupDb: 4 },
  },
  {
    id: 'bass',
    title: 'Finger bass',
    role: 'bass guitar',
    description:
      'A finger-played bass line with accents and ghost notes: 4:1 on an RMS detector with a slower release holds every note at the same level under the band.',
    licence: MUSIC_LICENCE,
    source: musicSource('Bass part'),
    suggested: { thresholdDb: -30, ratio: 4, kneeDb: 3, attackMs: 15, releaseMs: 200, detector: 'rms', makeupDb: 6 },
  },
  {
    id: 'mix',
    title: 'Full band',
    role: 'full mix',
    description:
      'Drums, bass, electric piano and pad together: gentle "glue" at 2:1 with a soft knee, a 30 ms attack and a 300 ms release moves the whole mix by about 3 dB.',
    licence: MUSIC_LICENCE,
    source: musicSource('The whole band (drums, bass, electric piano, pad)'),
    suggested: { thresholdDb: -30, ratio: 2, kneeDb: 6, attackMs: 30, releaseMs: 300, detector: 'rms', makeupDb: 3 },
  },
  {
    id: 'piano',
    title: 'Soft then loud piano',
    role: 'piano',
    description:
      'Four quiet bars of broken chords, then four loud bars of block chords: 4:1 with a soft knee and a slow release narrows the gap while the notes keep ringing naturally.',
    licence: MUSIC_LICENCE,
    source:
      'Piano part written as MIDI in scripts/audio/piano.ts, rendered with FluidSynth and the FluidR3_GM SoundFont',
    suggested: { thresholdDb: -36, ratio: 4, kneeDb: 6, attackMs: 15, releaseMs: 300, detector: 'rms', makeupDb: 10 },
  },
  {
    id: 'guitar',
    title: 'Strummed acoustic guitar',
    role: 'acoustic guitar',
    description:
      'Two palm-muted bars, two soft ones, then four loud bars with hard accents on beats 2 and 4: the quiet half sits 8 dB below the loud half, and 4:1 on an RMS detector with a 20 ms attack (so each strum keeps its pick attack) and a 200 ms release closes that gap to 4 dB.',
    licence: MUSIC_LICENCE,
    source:
      'Steel-string guitar strummed string by string, written as MIDI in scripts/audio/guitar.ts, rendered with FluidSynth and the FluidR3_GM SoundFont',
    suggested: { thresholdDb: -30, ratio: 4, kneeDb: 6, attackMs: 20, releaseMs: 200, detector: 'rms', makeupDb: 4 },
  },
  {
    id: 'narrator',
    title: 'Audiobook reader',
    role: 'speech',
    description:
      'A real person reading a novel aloud, with the natural rise and fall of a sentence but no big jumps: 3:1 from −26 dB with a 10 ms attack and a 150 ms release narrows its loudness range from 5.7 LU to 2.7 LU and keeps the reading natural.',
    licence:
      'Public domain (LibriVox recording); as shipped in Debian pocketsphinx-testdata under its BSD-2-clause notice (Carnegie Mellon University)',
    source:
      'A human reader: four sentences of a LibriVox recording of Jane Austen\'s "Sense and Sensibility", chapter 1, from the Debian package pocketsphinx-testdata; joined by scripts/audio/narrator.ts',
    suggested: { thresholdDb: -26, ratio: 3, kneeDb: 6, attackMs: 10, releaseMs: 150, detector: 'rms', makeupDb: 3 },
  },
];

/** Both formats of each clip, preferred first: Opus, then AAC for browsers without Opus (older Safari). */
export function clipFiles(id: string): Clip['files'] {
  return [
    { src: `${id}.opus`, type: 'audio/ogg; codecs=opus' },
    { src: `${id}.m4a`, type: 'audio/mp4; codecs="mp4a.40.2"' },
  ];
}
