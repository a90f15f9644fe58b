/** The rules for a learner's own file (pure parts): down-mix, digital silence, the checks and their messages. */
import { describe, expect, it } from 'vitest';
import {
  MAX_DURATION_S,
  MESSAGES,
  UserFileError,
  checkDecoded,
  clockTime,
  downmixToStereo,
  isDigitalSilence,
  textStart,
} from '../../../src/audio/user-file-check';

const ch = (...values: number[]) => Float32Array.from(values);

describe('downmixToStereo (Web Audio API speaker rules)', () => {
  it('5.1: L + ½√2·(C + SL), R + ½√2·(C + SR), LFE left out', () => {
    // L, R, C, LFE, SL, SR
    const { channels, how } = downmixToStereo([ch(1), ch(0.5), ch(0.2), ch(0.9), ch(0.4), ch(-0.4)]);
    expect(channels[0]?.[0]).toBeCloseTo(1 + Math.SQRT1_2 * (0.2 + 0.4), 6);
    expect(channels[1]?.[0]).toBeCloseTo(0.5 + Math.SQRT1_2 * (0.2 - 0.4), 6);
    expect(how).toMatch(/^5\.1 to stereo/);
  });
  it('quad: ½(L + SL), ½(R + SR)', () => {
    const { channels } = downmixToStereo([ch(1, 0), ch(0, 1), ch(0.5, 0), ch(0, -1)]);
    expect([...(channels[0] ?? [])]).toEqual([0.75, 0]);
    expect([...(channels[1] ?? [])]).toEqual([0, 0]);
  });
  it('other counts keep the first two channels, and say how many were left out', () => {
    const { channels, how } = downmixToStereo([ch(0.1), ch(0.2), ch(0.3)]);
    expect(channels.map((c) => c[0])).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    expect(how).toBe('the first two are kept and the other 1 left out');
  });
});

describe('checks on decoded audio', () => {
  it('digital silence is every sample exactly 0 (a −200 dBFS sample is not silence)', () => {
    expect(isDigitalSilence([new Float32Array(1000), new Float32Array(1000)])).toBe(true);
    const quiet = new Float32Array(1000);
    quiet[999] = 1e-10;
    expect(isDigitalSilence([new Float32Array(1000), quiet])).toBe(false);
  });
  it('refuses zero length, more than 10 minutes and silence, naming the file', () => {
    expect(() => checkDecoded('a.wav', [new Float32Array(0)], 48000)).toThrow(
      new UserFileError(MESSAGES.zeroLength('a.wav')),
    );
    const long = new Float32Array(1000 * (MAX_DURATION_S + 1));
    long[0] = 0.5;
    expect(() => checkDecoded('b.wav', [long], 1000)).toThrow(
      new UserFileError('“b.wav” is 10:01.0 long; the lab takes files up to 10 minutes. Trim it and try again.'),
    );
    expect(() => checkDecoded('c.wav', [new Float32Array(48000)], 48000)).toThrow(/“c\.wav” is digital silence/);
    expect(() => checkDecoded('d.wav', [ch(0, 0.5)], 48000)).not.toThrow();
  });
  it('exactly 10 minutes is allowed', () => {
    const ten = new Float32Array(100 * MAX_DURATION_S);
    ten[5] = 0.1;
    expect(() => checkDecoded('e.wav', [ten], 100)).not.toThrow();
  });
});

describe('words', () => {
  it('clock times are m:ss.s', () => {
    expect(clockTime(0)).toBe('0:00.0');
    expect(clockTime(61.25)).toBe('1:01.3');
    expect(clockTime(601)).toBe('10:01.0');
  });
  it('a text file is quoted by its first characters, white space folded', () => {
    expect(textStart(new TextEncoder().encode('These are\nmy mixing notes, not audio.'))).toBe(
      'These are my mixing not…',
    );
  });
  it('a refused file says which clip the lab keeps', () => {
    expect(MESSAGES.kept('Drum groove')).toBe(' The lab keeps “Drum groove”.');
    expect(MESSAGES.rate('x.wav', 1000, { min: 3000, max: 768000 })).toBe(
      '“x.wav” is sampled at 1,000 Hz, which this browser cannot play (it accepts 3,000–768,000 Hz).',
    );
  });
});
