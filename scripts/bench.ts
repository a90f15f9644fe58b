/**
 * `npm run bench`: speed of the compressor, printed (never asserted).
 *
 *   1. kernel, offline: renderOffline over 10 minutes of stereo 48 kHz (with its three per-sample curves)
 *   2. kernel, streaming: StreamingCompressor in 128-frame blocks, as in the AudioWorklet
 *   3. command line vs ffmpeg, where ffmpeg is installed: wall time on the same 10-minute WAV (temp dir)
 *
 * Each figure is the best of several runs; the machine's load average is printed beside them because a busy
 * machine slows everything down.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamingCompressor, renderOffline } from '../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../src/dsp/params';
import { encodeWavFloat32 } from '../src/io/wav';
import { benchSignal } from './lib/bench-signal';

const SAMPLE_RATE = 48000;
const DURATION_S = 600;
const RUNS = 3;
const params = { ...DEFAULT_PARAMS }; // −20 dB, 4:1, hard knee, 10 ms / 100 ms, peak, link 1

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, (performance.now() - t0) / 1000);
  }
  return min;
}

function rate(label: string, seconds: number): void {
  const frames = SAMPLE_RATE * DURATION_S;
  const mfps = frames / seconds / 1e6;
  console.log(
    `${label.padEnd(34)} ${seconds.toFixed(3).padStart(7)} s  ${mfps.toFixed(1).padStart(6)} M frames/s  ${(DURATION_S / seconds).toFixed(0).padStart(5)} × real time`,
  );
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`Compressor Lab bench: ${DURATION_S / 60} min stereo ${SAMPLE_RATE / 1000} kHz, music-like test signal`);
console.log(`settings: ${JSON.stringify(params)}`);
console.log(`load average before: ${load()} (this machine: ${process.arch}, Node ${process.version})\n`);

const t0 = performance.now();
const [left, right] = benchSignal(SAMPLE_RATE, DURATION_S);
console.log(`signal generated in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);

let applied: Float32Array = new Float32Array(0);
rate(
  'kernel, offline render',
  best(RUNS, () => {
    const r = renderOffline([left, right], SAMPLE_RATE, params);
    applied = r.appliedReductionDb;
  }),
);

const BLOCK = 128;
const inL = new Float32Array(BLOCK);
const inR = new Float32Array(BLOCK);
const outs = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
const ins = [inL, inR];
rate(
  'kernel, streaming (128-frame blocks)',
  best(RUNS, () => {
    const s = new StreamingCompressor({ sampleRate: SAMPLE_RATE, channelCount: 2, params });
    for (let at = 0; at + BLOCK <= left.length; at += BLOCK) {
      inL.set(left.subarray(at, at + BLOCK));
      inR.set(right.subarray(at, at + BLOCK));
      s.process(ins, outs, BLOCK);
    }
  }),
);
let maxReduction = 0;
let working = 0;
for (const y of applied) {
  maxReduction = Math.max(maxReduction, y);
  if (y > 1) working++;
}
console.log(
  `(gain reduction up to ${maxReduction.toFixed(1)} dB; above 1 dB during ${((100 * working) / applied.length).toFixed(0)} % of the time)\n`,
);

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (!hasFfmpeg) {
  console.log('ffmpeg not found: skipping the command line vs ffmpeg comparison (apt-get install ffmpeg).');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'compressor-bench-'));
  try {
    const inPath = join(dir, 'in.wav');
    writeFileSync(inPath, encodeWavFloat32([left, right], SAMPLE_RATE));
    const timeIt = (cmd: string, args: string[]): number =>
      best(RUNS, () => {
        const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.toString().split('\n')[0]}`);
      });
    const ours = timeIt(process.execPath, ['--import', 'tsx', 'scripts/compress.ts', inPath, join(dir, 'ours.wav')]);
    // Comparable settings: −20 dB = 0.1, 4:1, hard knee (k = 1), peak detection, channels linked by their maximum.
    // acompressor's times are not time constants (its coefficient is 4000/(t·fs), τ ≈ t/4): 40/400 ms ≈ 10/100 ms.
    const filter =
      'acompressor=threshold=0.1:ratio=4:knee=1:attack=40:release=400:makeup=1:detection=peak:link=maximum:mix=1';
    const ffmpeg = timeIt(
      'ffmpeg',
      ['-hide_banner', '-loglevel', 'error', '-y', '-i', inPath, '-af', filter].concat([
        '-c:a',
        'pcm_f32le',
        join(dir, 'ffmpeg.wav'),
      ]),
    );
    // The command line also measures peak, RMS and LUFS of input and output; ffmpeg doing comparable
    // measuring work (ebur128 before and after the compressor) for context.
    const measured = timeIt(
      'ffmpeg',
      ['-hide_banner', '-loglevel', 'error', '-y', '-i', inPath, '-af'].concat([
        `ebur128=peak=sample,${filter},ebur128=peak=sample`,
        '-c:a',
        'pcm_f32le',
        join(dir, 'ffmpeg.wav'),
      ]),
    );
    const npmRun = existsSync('package.json') ? timeIt('npm', ['run', '--silent', 'compress', '--', '--help']) : NaN;
    console.log('10-minute stereo 48 kHz WAV, float32 in and out, end to end (best of 3):');
    console.log(`  command line (node --import tsx scripts/compress.ts)  ${ours.toFixed(2)} s`);
    console.log(`  ffmpeg -af acompressor                                ${ffmpeg.toFixed(2)} s`);
    console.log(`  ratio command line / ffmpeg                           ${(ours / ffmpeg).toFixed(2)}`);
    console.log(`  ffmpeg acompressor + ebur128 on input and output      ${measured.toFixed(2)} s`);
    console.log(`  ratio command line / ffmpeg measuring loudness too    ${(ours / measured).toFixed(2)}`);
    console.log(`  (npm run adds its own start-up: \`npm run compress -- --help\` takes ${npmRun.toFixed(2)} s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`\nload average after: ${load()}`);
