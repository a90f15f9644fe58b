/**
 * The "dynamic talker": four spoken lines (festival, voice cmu_us_slt_arctic_hts) placed at very different
 * levels, like a speaker who moves towards and away from the microphone. Line 2 also fades as it goes.
 * That level spread (a loudness range well over 5 LU) is what a vocal compressor is there to even out.
 *
 * Usage: npx tsx scripts/audio/vocal.ts <workDir>   writes vocal-1.txt … for text2wave (see regenerate.sh);
 * master.ts then reads vocal-1.wav … and assembles the clip with assembleVocal().
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assembleLines, type SpokenLine } from './speech';

export const VOCAL_LINES: readonly SpokenLine[] = [
  { text: 'Welcome to Compressor Lab. Listen to how my level changes.', startDb: 0, endDb: 0, pauseS: 0.35 },
  {
    text: 'Now I step away from the microphone, and I get quieter and quieter.',
    startDb: -6,
    endDb: -18,
    pauseS: 0.35,
  },
  { text: 'But when I lean in close, I suddenly sound very loud!', startDb: 3, endDb: 3, pauseS: 0.35 },
  {
    text: 'A compressor turns the loud parts down, so every word sits at an even level.',
    startDb: -6,
    endDb: -6,
    pauseS: 0,
  },
];

/** Silence before the first line and after the last, seconds, so the clip starts and ends on silence. */
export const LEAD_IN_S = 0.15;
export const TAIL_S = 0.3;

/** Concatenates the rendered lines (mono, same sample rate) with their gain ramps and pauses. */
export function assembleVocal(lines: readonly Float32Array[], sampleRate: number): Float32Array {
  return assembleLines(VOCAL_LINES, lines, sampleRate, { leadInS: LEAD_IN_S, tailS: TAIL_S, fadeS: 0 });
}

function main(): void {
  const workDir = process.argv[2];
  if (!workDir) throw new Error('usage: vocal.ts <workDir>');
  VOCAL_LINES.forEach((line, i) => writeFileSync(join(workDir, `vocal-${i + 1}.txt`), `${line.text}\n`));
  console.log(`wrote ${VOCAL_LINES.length} vocal line texts to ${workDir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
