/**
 * Where the command line's time goes, for `npm run bench`: the start-up of node, of the launcher (bundle and
 * argument parsing: `--help`) and of npm, each a median wall time of its own; then compressFile in this process on
 * the same file with its phase timings (lib/compress-file.ts PhaseTimes). Printed beside ffmpeg's time, so the
 * floor of the command line is visible.
 */
import { compressFile, type PhaseTimes } from './compress-file';
import { DEFAULT_PARAMS } from '../../src/dsp/params';

/** `wallOf(cmd, args)`: median wall time of a command, seconds. */
export function cliSplit(inPath: string, outPath: string, wallOf: (cmd: string, args: string[]) => number): void {
  const nodeS = wallOf(process.execPath, ['-e', '0']);
  const launcherS = wallOf(process.execPath, ['scripts/run-compress.mjs', '--help']);
  const npmS = wallOf('npm', ['run', '--silent', 'compress', '--', '--help']);
  const times: PhaseTimes = { read: 0, decode: 0, inputLoudness: 0, kernel: 0, outputLoudness: 0, write: 0 };
  const t0 = performance.now();
  compressFile(inPath, outPath, { ...DEFAULT_PARAMS, kneeDb: 6 }, { times });
  const totalS = (performance.now() - t0) / 1000;
  const row = (label: string, s: number): void => console.log(`    ${label.padEnd(52)} ${s.toFixed(3)} s`);
  console.log('  where the command line spends its time (wall, seconds; start-ups: median of 5):');
  row('node start-up (node -e 0)', nodeS);
  row('launcher: bundle, arguments (run-compress.mjs --help) − node', launcherS - nodeS);
  row('npm start-up (npm run --silent compress -- --help) − launcher', npmS - launcherS);
  console.log(`    compressFile in this process, ${totalS.toFixed(3)} s:`);
  for (const phase of Object.keys(times) as (keyof PhaseTimes)[]) row(`  ${phase}`, times[phase]);
}
