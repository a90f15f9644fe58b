import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { drumHit, sine } from '../../../src/dsp/signals';
import { decodeWav, encodeWavFloat32 } from '../../../src/io/wav';

const dir = mkdtempSync(join(tmpdir(), 'compress-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** As `npm run --silent compress -- …` runs it: the launcher, from the cached bundle (built when stale). */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/run-compress.mjs', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The TypeScript sources through tsx, as the tests of scripts/ and `node --import tsx` run them. */
function cliTsx(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/compress.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// 1 s stereo 44.1 kHz: a drum hit every 250 ms on the left, a quieter sine on the right.
const fs = 44100;
const hit = drumHit({ sampleRate: fs, peakDb: -3, durationS: 0.25 });
const left = new Float32Array(fs);
for (let at = 0; at + hit.length <= fs; at += hit.length) left.set(hit, at);
const right = sine({ sampleRate: fs, frequencyHz: 220, peakDb: -18, durationS: 1 });
const inPath = join(dir, 'in.wav');
writeFileSync(inPath, encodeWavFloat32([left, right], fs));

describe('compress CLI', () => {
  it('writes a time-aligned 32-bit float WAV equal to renderOffline, and a JSON summary', () => {
    const outPath = join(dir, 'out.wav');
    const r = cli(
      inPath,
      outPath,
      '--threshold',
      '-30',
      '--ratio=inf',
      '--lookahead',
      '2',
      '--makeup',
      'auto',
      '--loudness',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    const params = { ...DEFAULT_PARAMS, thresholdDb: -30, ratio: Infinity, lookaheadMs: 2, makeupDb: 'auto' as const };
    const expected = renderOffline([left, right], fs, params);
    const out = decodeWav(readFileSync(outPath));
    expect(out.sampleRate).toBe(fs);
    expect(out.channels).toHaveLength(2);
    let worst = 0;
    out.channels.forEach((ch, c) => {
      expect(ch.length).toBe(fs);
      ch.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (expected.output[c]?.[i] as number)))));
    });
    expect(worst).toBeLessThanOrEqual(1e-6);
    expect(summary.latencySamples).toBe(Math.round(0.002 * fs));
    expect(summary.makeupDb).toBe(30);
    expect(summary.params.ratio).toBe('inf');
    expect(summary.input.peakDb).toBeCloseTo(-3, 2);
    expect(summary.input.lufs).toBeCloseTo(integratedLoudness([left, right], fs), 2);
    expect(summary.output.lufs).toBeCloseTo(integratedLoudness(expected.output, fs), 2);
    expect(summary.maxGainReductionDb).toBeCloseTo(Math.max(...expected.appliedReductionDb), 2);
    expect(Object.keys(summary.output)).toEqual(['peakDb', 'rmsDb', 'lufs']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('measures loudness only with --loudness: without it the summary has peak and RMS, the same output file', () => {
    const measured = join(dir, 'measured.wav');
    const plain = join(dir, 'plain.wav');
    const withLoudness = JSON.parse(cli(inPath, measured, '--knee', '6', '--loudness').stdout);
    const r = cli(inPath, plain, '--knee', '6');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(Object.keys(summary.input)).toEqual(['peakDb', 'rmsDb']);
    expect(Object.keys(summary.output)).toEqual(['peakDb', 'rmsDb']);
    expect(summary.output).toEqual({ peakDb: withLoudness.output.peakDb, rmsDb: withLoudness.output.rmsDb });
    expect(readFileSync(plain)).toEqual(readFileSync(measured));
  });

  const errors: [string, string[], number, RegExp][] = [
    ['an out-of-range threshold', [inPath, 'x.wav', '--threshold', '5'], 2, /--threshold: '5' is out of range/],
    ['an unknown option', [inPath, 'x.wav', '--thresh', '-3'], 2, /unknown option --thresh/],
    ['a missing value', [inPath, 'x.wav', '--ratio'], 2, /--ratio needs a value/],
    ['a bad detector', [inPath, 'x.wav', '--detector', 'loud'], 2, /detector: 'loud' is not allowed/],
    ['one path only', [inPath], 2, /expected IN.wav and OUT.wav/],
    ['a missing input file', [join(dir, 'nope.wav'), 'x.wav'], 1, /cannot read .*nope.wav: ENOENT/],
    ['a file that is not a WAV', [join(dir, 'text.txt'), 'x.wav'], 1, /cannot read .*text.txt: not a WAV file/],
    ['an unwritable output', [inPath, join(dir, 'no-such-dir', 'x.wav')], 1, /cannot write .*x.wav: ENOENT/],
  ];
  writeFileSync(join(dir, 'text.txt'), 'hello');
  for (const [name, args, code, message] of errors) {
    it(`fails cleanly on ${name}: exit ${code}, one stderr line, no output file`, () => {
      const outArg = args[1] === 'x.wav' ? join(dir, 'x.wav') : args[1];
      const r = cli(...(outArg ? [args[0] as string, outArg, ...args.slice(2)] : args));
      expect(r.status).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
      expect(existsSync(join(dir, 'x.wav'))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('the bundle and the TypeScript sources write the same file and the same summary', () => {
    const a = join(dir, 'bundle.wav');
    const b = join(dir, 'tsx.wav');
    const ra = cli(inPath, a, '--lookahead', '1', '--detector', 'rms', '--link', '0.5');
    const rb = cliTsx(inPath, b, '--lookahead', '1', '--detector', 'rms', '--link', '0.5');
    expect(ra.status, ra.stderr).toBe(0);
    expect(rb.status, rb.stderr).toBe(0);
    expect(ra.stdout).toBe(rb.stdout);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    // The launcher's cache lists the bundle's sources, whose modification times decide when it is rebuilt.
    const inputs = JSON.parse(readFileSync('node_modules/.cache/compressor-lab/inputs.json', 'utf8'));
    expect(inputs).toEqual(expect.arrayContaining(['scripts/compress.ts', 'src/dsp/kernel.ts', 'src/io/wav.ts']));
  });

  it('--help prints the usage on stdout', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: \.\/scripts\/run-compress\.mjs IN.wav OUT.wav/);
  });
});
