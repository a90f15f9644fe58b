/**
 * Files a learner might give the lab, made in the test (Node): a two-minute stereo WAV, and one file for each way a
 * file can be wrong (issue 15's list). Integer WAVs are written here byte by byte; float ones by src/io/wav.ts.
 */
import { readFileSync } from 'node:fs';
import { encodeWavFloat32 } from '../../../src/io/wav';
import { seededNoise, sine, toneBursts } from '../../../src/dsp/signals';

/** A two-minute stereo test piece at 44.1 kHz (not the clips' 48 kHz): bursts with different rhythms per side. */
export function twoMinuteStereo(): Uint8Array {
  const sampleRate = 44100;
  const left = toneBursts({ sampleRate, frequencyHz: 220, lowDb: -30, highDb: -6, lowS: 0.7, highS: 0.3, cycles: 120 });
  const right = toneBursts({
    sampleRate,
    frequencyHz: 330,
    lowDb: -26,
    highDb: -4,
    lowS: 0.4,
    highS: 0.6,
    cycles: 120,
  });
  const noise = seededNoise({ sampleRate, durationS: 120, peakDb: -40, seed: 15 });
  for (let i = 0; i < left.length; i++) {
    left[i] = (left[i] as number) + (noise[i] as number);
    right[i] = (right[i] as number) - (noise[i] as number);
  }
  return encodeWavFloat32([left, right], sampleRate);
}

/** An integer PCM WAV; `declaredFrames` lets the header announce more (or less) than `frames`. */
export function pcmWav(opts: {
  sampleRate: number;
  channels: number;
  bits: 8 | 16;
  frames: number;
  sample: (frame: number, channel: number) => number;
  declaredFrames?: number;
}): Uint8Array {
  const { sampleRate, channels, bits, frames } = opts;
  const bytesPer = bits / 8;
  const dataBytes = frames * channels * bytesPer;
  const declared = (opts.declaredFrames ?? frames) * channels * bytesPer;
  const out = new Uint8Array(44 + dataBytes);
  const v = new DataView(out.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + declared, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * channels * bytesPer, true);
  v.setUint16(32, channels * bytesPer, true);
  v.setUint16(34, bits, true);
  ascii(36, 'data');
  v.setUint32(40, declared, true);
  for (let f = 0, p = 44; f < frames; f++) {
    for (let c = 0; c < channels; c++, p += bytesPer) {
      const x = Math.max(-1, Math.min(1, opts.sample(f, c)));
      if (bits === 16) v.setInt16(p, Math.round(x * 32767), true);
      else v.setUint8(p, Math.round(128 + x * 127));
    }
  }
  return out;
}

const tone = (rate: number, hz: number) => (f: number) => 0.5 * Math.sin((2 * Math.PI * hz * f) / rate);

export interface BadFile {
  what: string;
  name: string;
  bytes: Uint8Array;
  /** A phrase of the message the lab shows. */
  says: RegExp;
  /** Taken anyway, with a note (the clip changes to it); otherwise refused (the previous clip stays). */
  taken?: { durationText: string };
}

export function badFiles(): BadFile[] {
  const good = pcmWav({ sampleRate: 44100, channels: 2, bits: 16, frames: 4410, sample: tone(44100, 440) });
  const six = Array.from({ length: 6 }, (_, c) =>
    sine({ sampleRate: 48000, frequencyHz: 200 + 100 * c, peakDb: -12, durationS: 2 }),
  );
  return [
    { what: 'an empty file', name: 'empty.wav', bytes: new Uint8Array(0), says: /“empty\.wav” is empty \(0 bytes\)/ },
    {
      what: 'a text file named .wav',
      name: 'notes.wav',
      bytes: new TextEncoder().encode('These are my mixing notes, not audio.\n'),
      says: /“notes\.wav” is a text file, not audio \(it begins “These are my mixing not…”\)/,
    },
    {
      what: 'a truncated WAV header',
      name: 'cut-header.wav',
      bytes: good.slice(0, 30),
      says: /“cut-header\.wav” is a WAV file whose header is cut short \(30 bytes/,
    },
    {
      what: 'a codec the browser cannot decode (ALAC)',
      name: 'alac-tone.m4a',
      bytes: new Uint8Array(readFileSync(new URL('../fixtures/alac-tone.m4a', import.meta.url))),
      says: /This browser cannot decode “alac-tone\.m4a” \(MPEG-4 audio \(M4A\)\): its codec is not supported/,
    },
    {
      what: 'zero-length audio',
      name: 'no-samples.wav',
      bytes: pcmWav({ sampleRate: 44100, channels: 2, bits: 16, frames: 0, sample: () => 0 }),
      says: /“no-samples\.wav” holds no audio \(0 samples\)/,
    },
    {
      what: 'digital silence',
      name: 'silence.wav',
      bytes: pcmWav({ sampleRate: 44100, channels: 2, bits: 16, frames: 88200, sample: () => 0 }),
      says: /“silence\.wav” is digital silence \(every sample is 0\): there is nothing to compress/,
    },
    {
      what: 'a file longer than 10 minutes',
      name: 'long.wav',
      bytes: pcmWav({ sampleRate: 8000, channels: 1, bits: 8, frames: 601 * 8000, sample: tone(8000, 300) }),
      says: /“long\.wav” is 10:01\.0 long; the lab takes files up to 10 minutes/,
    },
    {
      what: 'a sample rate the browser does not support',
      name: 'rate-1000.wav',
      bytes: pcmWav({ sampleRate: 1000, channels: 1, bits: 16, frames: 2000, sample: tone(1000, 100) }),
      says: /“rate-1000\.wav” is sampled at 1,000 Hz, which this browser cannot play \(it accepts 3,000–768,000 Hz\)/,
    },
    {
      what: 'a WAV whose data stops early',
      name: 'stops-early.wav',
      bytes: pcmWav({
        sampleRate: 44100,
        channels: 2,
        bits: 16,
        frames: 44100,
        declaredFrames: 176400,
        sample: tone(44100, 440),
      }),
      says: /“stops-early\.wav” stops early: its header announces 0:04\.0 of audio but the file holds 0:01\.0\. The part that is there is used\./,
      taken: { durationText: '0:01' },
    },
    {
      what: 'more than two channels (5.1)',
      name: 'surround.wav',
      bytes: encodeWavFloat32(six, 48000),
      says: /“surround\.wav” has 6 channels; the lab works in stereo, so they are mixed down: 5\.1 to stereo/,
      taken: { durationText: '0:02' },
    },
  ];
}
