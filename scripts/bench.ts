/**
 * `npm run bench`: speed of the compressor, printed (never asserted).
 *
 *   1. kernel (lib/bench-kernel.ts): renderOffline (with its three per-sample curves), the kernel without curves
 *      (as the command line runs it) and StreamingCompressor in 128-frame blocks (as in the AudioWorklet) over 10
 *      minutes of stereo 48 kHz, in several configurations, with its WebAssembly block (src/dsp/kernel-wasm.ts) and
 *      without it ("js only", alternating in the same process); the floor (the least work per frame); then the same
 *      in a child process with Math.log / Math.exp in place of src/dsp/fast-math.ts (lib/platform-math-hooks.mjs),
 *      which shows what fast-math buys
 *   2. command line vs ffmpeg, where ffmpeg is installed: wall time on the same 10-minute WAV (temp dir), soft
 *      knee 6 dB, the command line as the README leads with it (`./scripts/run-compress.mjs`) and through npm
 *      (`npm run --silent compress`, npm's start-up included), and with --loudness beside ffmpeg measuring
 *      loudness too, the commands alternating over several rounds; medians and ratios; then where the command
 *      line's time goes (lib/bench-cli-split.ts)
 *
 * `npm run bench -- --kernel` runs part 1 only; `--against REV` times src/dsp of git revision REV beside the
 * current one in the same process (lib/bench-revision.ts), e.g. `npm run bench -- --kernel --against dffcb78`.
 * Kernel figures are the best of several runs; the machine's load average is printed beside them because a busy
 * machine slows everything down.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as compressor from '../src/dsp/compressor';
import { fastLn } from '../src/dsp/fast-math';
import { CompressorKernel } from '../src/dsp/kernel';
import { DEFAULT_PARAMS } from '../src/dsp/params';
import { encodeWavFloat32 } from '../src/io/wav';
import { benchFloor, benchKernel, withoutWasm, type Implementation } from './lib/bench-kernel';
import { compressorAt } from './lib/bench-revision';
import { cliSplit } from './lib/bench-cli-split';
import { benchSignal } from './lib/bench-signal';

const SAMPLE_RATE = 48000;
const DURATION_S = 600;
const params = { ...DEFAULT_PARAMS }; // −20 dB, 4:1, hard knee, 10 ms / 100 ms, peak, link 1

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

if (process.argv.includes('--platform-math') && fastLn !== Math.log) throw new Error('fast-math was not replaced');
const impls: Implementation[] = [{ label: 'now', ...compressor, CompressorKernel }];
// The same kernel with its WebAssembly block off (the JS passes alone), where the block is available.
if (new CompressorKernel(SAMPLE_RATE, 2, params).engine === 'wasm') impls.push(withoutWasm('js only'));
const against = process.argv.indexOf('--against');
if (against > 0) {
  const revision = process.argv[against + 1] ?? 'dffcb78';
  impls.push(await compressorAt(revision));
}
benchKernel(left, right, SAMPLE_RATE, impls);
benchFloor(left, right, SAMPLE_RATE);
if (process.argv.includes('--platform-math')) process.exit(0);
const applied = compressor.renderOffline([left, right], SAMPLE_RATE, params).appliedReductionDb;
// The same kernel with Math.log / Math.exp in place of fast-math.ts: what the table-driven functions buy.
console.log('\nthe same with Math.log / Math.exp in place of src/dsp/fast-math.ts:');
const platform = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--import', './scripts/lib/platform-math-hooks.mjs', 'scripts/bench.ts', '--platform-math'],
  { encoding: 'utf8' },
);
console.log(
  platform.stdout
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .join('\n'),
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

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length & 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const hasBash = spawnSync('bash', ['-c', 'times']).status === 0;

/**
 * Wall time of one command writing `outPath` (removed first, untimed), seconds from spawn to exit, and where bash
 * is installed also its processor time (user + system, all its threads and children: bash's `times`), which a busy
 * machine inflates much less than wall time.
 */
function run(cmd: string, args: string[], outPath: string): { wallS: number; cpuS: number } {
  // Every command writes the same new file: replacing a 230 MB file costs 50–100 ms of file-system work, which a
  // user writing a new file does not pay.
  rmSync(outPath, { force: true });
  const t0 = performance.now();
  const r = hasBash
    ? spawnSync('bash', ['-c', '"$@" >/dev/null; s=$?; times; exit $s', 'bench', cmd, ...args], { stdio: 'pipe' })
    : spawnSync(cmd, args, { stdio: 'pipe' });
  const wallS = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.toString().split('\n')[0]}`);
  // `times` prints the shell's user and system time, then its children's: "0m0.600s 0m0.080s".
  const children = r.stdout.toString().trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => 60 * Number(m[1]) + Number(m[2]));
  return { wallS, cpuS: hasBash && seconds.length === 2 ? (seconds[0] as number) + (seconds[1] as number) : NaN };
}

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (process.argv.includes('--kernel')) {
  // kernel only
} else if (!hasFfmpeg) {
  console.log('ffmpeg not found: skipping the command line vs ffmpeg comparison (apt-get install ffmpeg).');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'compressor-bench-'));
  try {
    const inPath = join(dir, 'in.wav');
    writeFileSync(inPath, encodeWavFloat32([left, right], SAMPLE_RATE));
    // Comparable settings, issue 16's soft knee: −20 dB = 0.1, 4:1, 6 dB knee (acompressor's knee is the ratio of
    // its edges, 10^(6/20) = 1.995), peak detection, channels linked by their maximum. acompressor's times are not
    // time constants (its coefficient is 4000/(t·fs), τ ≈ t/4): 40/400 ms ≈ 10/100 ms.
    const filter =
      'acompressor=threshold=0.1:ratio=4:knee=1.995:attack=40:release=400:makeup=1:detection=peak:link=maximum:mix=1';
    const knee = ['--knee', '6'];
    const out = join(dir, 'out.wav');
    const ffmpegArgs = (af: string): string[] =>
      ['-hide_banner', '-loglevel', 'error', '-y', '-i', inPath, '-af', af].concat(['-c:a', 'pcm_f32le', out]);
    const commands: [string, string, string[]][] = [
      ['ffmpeg -af acompressor', 'ffmpeg', ffmpegArgs(filter)],
      // Exactly what a user types, as the README leads with it: the launcher, no npm.
      ['./scripts/run-compress.mjs IN OUT --knee 6', './scripts/run-compress.mjs', [inPath, out, ...knee]],
      // The same through npm (the README's second form): npm's own start-up included.
      [
        'npm run --silent compress -- IN OUT --knee 6',
        'npm',
        ['run', '--silent', 'compress', '--', inPath, out, ...knee],
      ],
      // With --loudness the command line also measures input and output LUFS; ffmpeg doing comparable measuring
      // work (ebur128 before and after the compressor), for context.
      ['./scripts/run-compress.mjs … --loudness', './scripts/run-compress.mjs', [inPath, out, ...knee, '--loudness']],
      [
        'ffmpeg ebur128 + acompressor + ebur128',
        'ffmpeg',
        ffmpegArgs(`ebur128=peak=sample,${filter},ebur128=peak=sample`),
      ],
    ];
    // One untimed run of each: fills the page cache and builds the command line's bundle if a source changed.
    for (const [, cmd, args] of commands) run(cmd, args, out);
    const ROUNDS = 7;
    const times = commands.map(() => [] as number[]);
    const cpu = commands.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) {
      commands.forEach(([, cmd, args], k) => {
        const r = run(cmd, args, out);
        times[k]?.push(r.wallS);
        cpu[k]?.push(r.cpuS);
      });
    }
    const medians = times.map(median);
    const [ffmpegS, directS, npmS, loudnessS, measuredS] = medians as [number, number, number, number, number];
    console.log(
      `10-minute stereo 48 kHz WAV, float32 in and out, soft knee 6 dB, end to end: ${ROUNDS} rounds, commands alternating`,
    );
    console.log('wall time, seconds: median (fastest … slowest);  processor time (user + system), median');
    commands.forEach(([label], k) => {
      const t = times[k] as number[];
      const c = median(cpu[k] as number[]);
      console.log(
        `  ${label.padEnd(46)} ${(medians[k] as number).toFixed(2)} (${Math.min(...t).toFixed(2)} … ${Math.max(...t).toFixed(2)})  cpu ${c.toFixed(2)}`,
      );
    });
    console.log(`  ratio ./scripts/run-compress.mjs / ffmpeg acompressor   ${(directS / ffmpegS).toFixed(2)}`);
    console.log(`  ratio npm run compress / ffmpeg acompressor          ${(npmS / ffmpegS).toFixed(2)}`);
    console.log(`  ratio … --loudness / ffmpeg measuring loudness       ${(loudnessS / measuredS).toFixed(2)}`);
    const [ffmpegCpu, directCpu, npmCpu] = cpu.map(median) as [number, number, number];
    console.log(`  processor time ratio ./scripts/run-compress.mjs / ffmpeg   ${(directCpu / ffmpegCpu).toFixed(2)}`);
    console.log(`  processor time ratio npm run compress / ffmpeg       ${(npmCpu / ffmpegCpu).toFixed(2)}`);
    console.log(`  (load average during these runs: ${load()})`);
    cliSplit(inPath, out, (cmd, args) => {
      const r = [0, 1, 2, 3, 4].map(() => run(cmd, args, out));
      return { wallS: median(r.map((t) => t.wallS)), cpuS: median(r.map((t) => t.cpuS)) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`\nload average after: ${load()}`);
