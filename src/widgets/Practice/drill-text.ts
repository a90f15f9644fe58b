/**
 * What a "which one?" drill says (pure): the answer buttons, the verdict after each answer and the reveal of
 * which alternative was which. Each text describes the trial it was made for and is replaced on the next one.
 */
import type { CompressorParams } from '../../dsp/types';
import { formatParamValue } from '../../dsp/params';
import { DRILLS, type DrillId } from '../../lib/practice/drills';
import { threshold, type StaircaseState } from '../../lib/practice/staircase';

/** "A", "B", "C". */
export function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** What the odd alternative is called in the drill's answers. */
export function answerLabel(drill: DrillId, index: number): string {
  return drill === 'reduction' ? `${letter(index)} is compressed` : `${letter(index)} has the faster attack`;
}

/** What an alternative turned out to be, once answered. */
export function revealLabel(drill: DrillId, params: CompressorParams | null): string {
  if (!params) return 'original';
  if (drill === 'reduction') return 'compressed';
  return `attack ${formatParamValue('attackMs', params.attackMs)}`;
}

/** The settings of a render, as a learner reads them. */
export function settingsText(p: CompressorParams): string {
  return (
    `threshold ${formatParamValue('thresholdDb', p.thresholdDb)}, ratio ${formatParamValue('ratio', p.ratio)}, ` +
    `attack ${formatParamValue('attackMs', p.attackMs)}, release ${formatParamValue('releaseMs', p.releaseMs)}`
  );
}

/** The verdict on one answer: right or wrong, which one was odd, and what comes next (`clip`: clipPhrase()). */
export function verdictText(
  drill: DrillId,
  chosen: number,
  odd: number,
  answeredAt: number,
  next: StaircaseState,
  clip: string,
): string {
  const def = DRILLS[drill];
  const oddIs = drill === 'reduction' ? 'was the compressed one' : 'had the faster attack';
  const head =
    chosen === odd
      ? `Right: ${letter(odd)} ${oddIs} (${def.describeStimulus(answeredAt)}).`
      : `Not this time: you chose ${letter(chosen)}, but ${letter(odd)} ${oddIs} (${def.describeStimulus(answeredAt)}).`;
  const value = threshold(next);
  if (next.done && value !== null) return `${head} Drill finished. ${def.describeThreshold(value, clip)}`;
  if (next.stimulus < answeredAt) return `${head} The next trial is harder: ${def.describeStimulus(next.stimulus)}.`;
  if (next.stimulus > answeredAt) return `${head} The next trial is easier: ${def.describeStimulus(next.stimulus)}.`;
  const more = next.config.down - next.run;
  return (
    `${head} The next trial stays at ${def.describeStimulus(next.stimulus)}; ` +
    `${more} more right in a row make${more === 1 ? 's' : ''} it harder.`
  );
}

/** A seed for the odd positions from the page address (`?seed=123`, for a repeatable run), else null. */
export function seedFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('seed');
  if (raw === null || !/^\d{1,9}$/.test(raw)) return null;
  return Number(raw);
}
