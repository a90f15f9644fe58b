/**
 * Pure checks for the Attack and Release exercises, made on the offline render of the learner's own setting, with
 * the measures of CloseUp/hit-measures.ts (the same numbers the close-up view describes). Each verdict names the
 * clip it was checked on.
 *
 *  - crack and body (attack): over the hits that cross the threshold, the median crack (first 5 ms) is turned
 *    down by at most CRACK_PASSES_DB and the median body by at least `bodyMinDb`;
 *  - recovery (release): on a drum clip, the median reduction left just before a hit is at most RECOVERED_DB; on a
 *    sustained clip (bass), the applied reduction's ripple is at most RIPPLE_MAX_DB.
 */
import type { OfflineRender } from '../../dsp/types';
import { formatDbShort } from '../shared/describe';
import { measureHits, reductionRippleDb, summariseHits } from '../CloseUp/hit-measures';
import type { Feedback } from './model';

export const CRACK_PASSES_DB = 1.5;
export const RECOVERED_DB = 1;
export const RIPPLE_MAX_DB = 1.5;

export interface CheckedClip {
  title: string;
  input: readonly Float32Array[];
  render: OfflineRender;
}

const db = (v: number) => formatDbShort(v);

export function checkCrackAndBody(clip: CheckedClip, bodyMinDb: number): Feedback {
  const s = summariseHits(measureHits(clip.input, clip.render));
  const on = `On the ${clip.title.toLowerCase()}`;
  if (s.count === 0) {
    return { verdict: 'too-little', message: `${on}, no hit crosses the threshold, so nothing is turned down.` };
  }
  const numbers = `the crack is turned down by ${db(s.crackDownDb)} and the body by ${db(s.bodyDownDb)} (medians over ${s.count} hits)`;
  if (s.crackDownDb > CRACK_PASSES_DB) {
    return {
      verdict: 'too-much',
      message: `${on}, ${numbers}. The crack should pass (no more than ${db(CRACK_PASSES_DB)} down): lengthen the attack.`,
    };
  }
  if (s.bodyDownDb < bodyMinDb) {
    return {
      verdict: 'too-little',
      message: `${on}, ${numbers}. The body should come down by at least ${db(bodyMinDb)}: shorten the attack.`,
    };
  }
  return { verdict: 'good', message: `Yes: ${on.toLowerCase()}, ${numbers}. The crack passes and the body is held.` };
}

export function checkRecovery(drums: CheckedClip, sustained: CheckedClip): Feedback {
  const left = summariseHits(measureHits(drums.input, drums.render)).leftBeforeDb;
  const ripple = reductionRippleDb(sustained.render);
  const onDrums = `on the ${drums.title.toLowerCase()} ${db(left)} of reduction is left just before a hit (median)`;
  const onBass = `on the ${sustained.title.toLowerCase()} the applied reduction ripples by ${db(ripple)}`;
  const both = `${onDrums.charAt(0).toUpperCase()}${onDrums.slice(1)}, and ${onBass}.`;
  if (left > RECOVERED_DB) {
    return {
      verdict: 'too-much',
      message: `${both} The drums need to recover to within ${db(RECOVERED_DB)} between hits: shorten the release.`,
    };
  }
  if (ripple > RIPPLE_MAX_DB) {
    return {
      verdict: 'too-little',
      message: `${both} The bass should ripple by no more than ${db(RIPPLE_MAX_DB)}: lengthen the release.`,
    };
  }
  return { verdict: 'good', message: `Yes: ${both.charAt(0).toLowerCase()}${both.slice(1)}` };
}

/** Feedback when the exercise needs settings left where the lesson set them; null when they are. */
export function requireSettings(
  params: { thresholdDb: number; ratio: number },
  fixed: { thresholdDb?: number; ratio?: number },
): Feedback | null {
  const wrong: string[] = [];
  if (fixed.thresholdDb !== undefined && params.thresholdDb !== fixed.thresholdDb) {
    wrong.push(`the threshold at ${db(fixed.thresholdDb)}`);
  }
  if (fixed.ratio !== undefined && params.ratio !== fixed.ratio) wrong.push(`the ratio at ${fixed.ratio} to 1`);
  if (wrong.length === 0) return null;
  return { verdict: 'none', message: `This exercise needs ${wrong.join(' and ')}. Set it back, then check again.` };
}
