/**
 * Where the command line's time goes, for `npm run bench`: the start-up of node, of the launcher (bundle and
 * argument parsing: `--help`) and of npm, each a median of its own; then compressFile in this process on the
 * same file with its phase timings (lib/compress-file.ts PhaseTimes). Printed beside ffmpeg's time, so the floor
 * of the command line is visible. Wall and processor time; a machine busy with other work inflates wall time.
 */
import { PHASES, compressFile, type PhaseTimes } from './compress-file';
import { DEFAULT_PARAMS } from '../../src/dsp/params';

export interface CommandTime {
  wallS: number;
  cpuS: number;
}

/** `timeOf(cmd, args)`: median wall and processor time of a command, seconds. */
export function cliSplit(inPath: string, outPath: string, timeOf: (cmd: string, args: string[]) => CommandTime): void {
  const node = timeOf(process.execPath, ['-e', '0']);
  const launcher = timeOf('./scripts/run-compress.mjs', ['--help']);
  const npm = timeOf('npm', ['run', '--silent', 'compress', '--', '--help']);
  const times = Object.fromEntries(PHASES.map((p) => [p, { wallS: 0, cpuS: 0 }])) as PhaseTimes;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  // With --loudness, so that its two phases are timed too (they are 0 without it).
  compressFile(inPath, outPath, { ...DEFAULT_PARAMS, kneeDb: 6 }, { times, loudness: true });
  const c = process.cpuUsage(c0);
  const total = { wallS: (performance.now() - t0) / 1000, cpuS: (c.user + c.system) / 1e6 };
  const row = (label: string, t: CommandTime): void =>
    console.log(`    ${label.padEnd(62)} ${t.wallS.toFixed(3)} s   cpu ${t.cpuS.toFixed(3)} s`);
  const minus = (a: CommandTime, b: CommandTime): CommandTime => ({ wallS: a.wallS - b.wallS, cpuS: a.cpuS - b.cpuS });
  console.log('  where the command line spends its time (start-ups: median of 5):');
  row('node start-up (node -e 0)', node);
  row('launcher: bundle, arguments (./scripts/run-compress.mjs --help) − node', minus(launcher, node));
  row('npm start-up (npm run --silent compress -- --help) − launcher', minus(npm, launcher));
  row('compressFile in this process, soft knee 6 dB, --loudness', total);
  const onlyAsked = new Set<string>(['inputLoudness', 'outputLoudness']);
  for (const phase of PHASES) row(`  ${phase}${onlyAsked.has(phase) ? ' (only with --loudness)' : ''}`, times[phase]);
}
