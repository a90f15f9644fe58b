/**
 * Command-line arguments of scripts/compress.ts: `IN.wav OUT.wav [--threshold dB] [--ratio n|inf] …`, parsed by
 * commander and checked by the same validator as the URL state and the UI (validateParams, strict).
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { SHORT_NAMES, validateParams } from '../../src/dsp/params';
import type { CompressorParams } from '../../src/dsp/types';
import { readRecipe } from '../../src/lib/url-state';

/** Flag name → parameter key (the same short names page URLs use). */
export const FLAGS = SHORT_NAMES;

export const USAGE = `usage: ./scripts/run-compress.mjs IN.wav OUT.wav [--threshold dB] [--ratio n|inf] [--knee dB]
  [--attack ms] [--release ms] [--makeup dB|auto] [--detector peak|rms] [--rms-window ms] [--lookahead ms]
  [--link 0..1] [--mix 0..1] [--recipe "threshold=-24&ratio=4&…"] [--loudness]
  (or: npm run --silent compress -- IN.wav OUT.wav …)
--recipe takes the recipe the site's export shows (the page address's settings, in the same words); flags given
  beside it override its values.
--loudness also measures the integrated loudness (LUFS, BS.1770-4) of input and output for the summary; it costs
  about half as much time again, so it is off unless asked for.
defaults: --threshold -20 --ratio 4 --knee 0 --attack 10 --release 100 --makeup 0 --detector peak
  --rms-window 10 --lookahead 0 --link 1 --mix 1
Reads 8/16/24/32-bit integer or 32/64-bit float WAV (WAVE_FORMAT_EXTENSIBLE too), writes 32-bit float WAV at the
same rate and channel count, time-aligned with the input, and prints a JSON summary on stdout.`;

/** A mistake in the arguments: the message is one line meant for the person who typed them. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type ParsedArgs =
  { help: true } | { help: false; inPath: string; outPath: string; params: CompressorParams; loudness: boolean };

/** Turns commander's error into ours: one line naming the flag as typed. */
function usageError(e: CommanderError): UsageError {
  const flag = /'(--?[^' =<]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'commander.unknownOption') return new UsageError(`unknown option ${flag} (see --help)`);
  if (e.code === 'commander.invalidArgument' && /given twice/.test(e.message)) {
    return new UsageError(`${flag} given twice`);
  }
  if (e.code === 'commander.optionMissingArgument' || e.code === 'commander.invalidArgument') {
    return new UsageError(`${flag} needs a value`);
  }
  return new UsageError(e.message.replace(/^error: /, '').split('\n')[0] ?? '');
}

/**
 * Parses the command line with commander. Every flag takes a value, so a negative number after a flag is its
 * value (`--threshold -24`), as the README writes it; `--flag=value` works too.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const raw: Record<string, string> = {};
  let recipe: string | null = null;
  const program = new Command()
    .name('compress')
    .helpOption(false)
    .option('-h, --help')
    .option('--loudness')
    .option('--recipe <recipe>', '', (value: string) => {
      if (recipe !== null) throw new InvalidArgumentError('given twice');
      recipe = value;
      return value;
    })
    .argument('[paths...]')
    .exitOverride()
    .configureOutput({ outputError: () => undefined }); // errors become UsageError below, one line;
  for (const [flag, key] of Object.entries(FLAGS)) {
    program.option(`--${flag} <value>`, '', (value: string) => {
      if (value === '') throw new InvalidArgumentError('needs a value');
      if (Object.hasOwn(raw, key)) throw new InvalidArgumentError('given twice');
      raw[key] = value;
      return value;
    });
  }
  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    throw e instanceof CommanderError ? usageError(e) : e;
  }
  if (program.opts<{ help?: boolean }>().help) return { help: true };
  const positional = program.processedArgs[0] as string[];
  if (positional.length !== 2) {
    throw new UsageError(`expected IN.wav and OUT.wav, got ${positional.length} path(s) (see --help)`);
  }
  const fromRecipe = recipe === null ? { raw: {}, unknown: [] } : readRecipe(recipe);
  if (fromRecipe.unknown.length > 0) {
    throw new UsageError(`--recipe: ${fromRecipe.unknown.map((n) => `'${n}'`).join(', ')} is not a setting`);
  }
  const result = validateParams({ ...fromRecipe.raw, ...raw }, 'strict');
  if (!result.ok) {
    // Name the flags as typed, not the internal keys.
    const byKey = Object.fromEntries(Object.entries(FLAGS).map(([flag, key]) => [key, `--${flag}`]));
    throw new UsageError(
      result.errors.map((e) => e.replace(/^(\w+):/, (_, k: string) => `${byKey[k] ?? k}:`)).join('; '),
    );
  }
  return {
    help: false,
    inPath: positional[0] as string,
    outPath: positional[1] as string,
    params: result.params,
    loudness: program.opts<{ loudness?: boolean }>().loudness === true,
  };
}
