/**
 * Command line: compress a WAV file with the same compressor the site uses.
 *
 *   ./scripts/run-compress.mjs IN.wav OUT.wav [--threshold dB] [--ratio n|inf] [--knee dB] [--attack ms]
 *     [--release ms] [--makeup dB|auto] [--detector peak|rms] [--rms-window ms] [--lookahead ms] [--link 0..1]
 *     [--mix 0..1] [--recipe …] [--loudness]
 *
 * run-compress.mjs runs a cached bundle of this file (`npm run --silent compress -- …` runs the same launcher
 * after npm's own start-up; `node --import tsx scripts/compress.ts` works too). The file streams through the compressor chunk by chunk: see lib/compress-file.ts. Flags are parsed by
 * commander (lib/cli-args.ts).
 *
 * Prints one JSON object on stdout. On a bad argument or an unreadable/unwritable file: one line on stderr, exit
 * code 2 (arguments) or 1 (files), and no output file.
 */
import { USAGE, UsageError, parseArgs } from './lib/cli-args';
import { compressFile, summaryJson } from './lib/compress-file';

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const summary = compressFile(args.inPath, args.outPath, args.params, { loudness: args.loudness });
    process.stdout.write(`${summaryJson(summary)}\n`);
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    process.stderr.write(`compress: ${message}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
