/**
 * Command-line arguments of scripts/compress.ts: `IN.wav OUT.wav [--threshold dB] [--ratio n|inf] …`, checked by
 * the same validator as the URL state and the UI (validateParams, strict).
 */
import { SHORT_NAMES, validateParams } from '../../src/dsp/params';
import type { CompressorParams } from '../../src/dsp/types';

/** Flag name → parameter key (the same short names page URLs use). */
export const FLAGS = SHORT_NAMES;

export const USAGE = `usage: npm run --silent compress -- IN.wav OUT.wav [--threshold dB] [--ratio n|inf] [--knee dB]
  [--attack ms] [--release ms] [--makeup dB|auto] [--detector peak|rms] [--rms-window ms] [--lookahead ms]
  [--link 0..1] [--mix 0..1]
defaults: --threshold -20 --ratio 4 --knee 0 --attack 10 --release 100 --makeup 0 --detector peak
  --rms-window 10 --lookahead 0 --link 1 --mix 1
Reads 8/16/24/32-bit integer or 32/64-bit float WAV (WAVE_FORMAT_EXTENSIBLE too), writes 32-bit float WAV at the
same rate and channel count, time-aligned with the input, and prints a JSON summary on stdout.`;

/** A mistake in the arguments: the message is one line meant for the person who typed them. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type ParsedArgs = { help: true } | { help: false; inPath: string; outPath: string; params: CompressorParams };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!Object.hasOwn(FLAGS, name)) throw new UsageError(`unknown option --${name} (see --help)`);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    const key = FLAGS[name as keyof typeof FLAGS];
    if (Object.hasOwn(raw, key)) throw new UsageError(`--${name} given twice`);
    raw[key] = value;
  }
  if (positional.length !== 2) {
    throw new UsageError(`expected IN.wav and OUT.wav, got ${positional.length} path(s) (see --help)`);
  }
  const result = validateParams(raw, 'strict');
  if (!result.ok) {
    // Name the flags as typed, not the internal keys.
    const byKey = Object.fromEntries(Object.entries(FLAGS).map(([flag, key]) => [key, `--${flag}`]));
    throw new UsageError(
      result.errors.map((e) => e.replace(/^(\w+):/, (_, k: string) => `${byKey[k] ?? k}:`)).join('; '),
    );
  }
  return { help: false, inPath: positional[0] as string, outPath: positional[1] as string, params: result.params };
}
