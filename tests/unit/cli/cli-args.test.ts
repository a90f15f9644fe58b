import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { UsageError, parseArgs } from '../../../scripts/lib/cli-args';

describe('command-line flags (commander)', () => {
  it('takes a negative number after a flag as its value, as the README writes it', () => {
    const r = parseArgs(['in.wav', 'out.wav', '--threshold', '-24', '--makeup', 'auto', '--rms-window', '20']);
    expect(r).toEqual({
      help: false,
      inPath: 'in.wav',
      outPath: 'out.wav',
      params: { ...DEFAULT_PARAMS, thresholdDb: -24, makeupDb: 'auto', rmsWindowMs: 20 },
      loudness: false,
    });
  });
  it('--loudness (no value) asks for the loudness measurements', () => {
    expect(parseArgs(['in.wav', 'out.wav', '--loudness', '--knee', '6'])).toMatchObject({ loudness: true });
  });
  it('accepts --flag=value, flags before the paths, and paths after --', () => {
    const r = parseArgs(['--ratio=inf', '--knee', '6', 'in.wav', '--', '-out.wav']);
    expect(r).toMatchObject({ inPath: 'in.wav', outPath: '-out.wav', params: { ratio: Infinity, kneeDb: 6 } });
  });
  it('--help and -h ask for the usage', () => {
    expect(parseArgs(['--help'])).toEqual({ help: true });
    expect(parseArgs(['in.wav', '-h'])).toEqual({ help: true });
  });
  const mistakes: [string[], string][] = [
    [['in.wav', 'out.wav', '--thresh', '-3'], 'unknown option --thresh (see --help)'],
    [['in.wav', 'out.wav', '--ratio'], '--ratio needs a value'],
    [['in.wav', 'out.wav', '--ratio='], '--ratio needs a value'],
    [['in.wav', 'out.wav', '--ratio', '3', '--ratio', '4'], '--ratio given twice'],
    [['in.wav', 'out.wav', '--threshold', '5'], "--threshold: '5' is out of range (allowed -60..0 dB)"],
    [['in.wav'], 'expected IN.wav and OUT.wav, got 1 path(s) (see --help)'],
  ];
  for (const [argv, message] of mistakes) {
    it(`${argv.slice(1).join(' ')} → "${message}"`, () => {
      expect(() => parseArgs(argv)).toThrow(UsageError);
      expect(() => parseArgs(argv)).toThrow(message);
    });
  }
});
