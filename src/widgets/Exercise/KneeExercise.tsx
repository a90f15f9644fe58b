/**
 * Knee exercise: choose a knee so the syllables or notes near the threshold are turned down by minDb to maxDb
 * (median), judged on the render of the learner's own setting (near-threshold.ts).
 */
import { useLab } from '../shared/use-lab';
import { findHits, requireThreshold } from './model';
import { checkNearThreshold, levelHits, nearThreshold } from './near-threshold';
import { useRenderCheck } from './use-check';
import { CheckPanel } from './CheckPanel';
import '../shared/widgets.css';

export interface KneeExerciseProps {
  group?: string;
  minDb: number;
  maxDb: number;
  /** The threshold the exercise assumes, dB. */
  thresholdDb: number;
}

export default function KneeExercise({ group = 'default', minDb, maxDb, thresholdDb }: KneeExerciseProps) {
  const lab = useLab(group, true);
  const { feedback, check } = useRenderCheck(lab, (clip, render, params) => {
    const wrongThreshold = requireThreshold(params.thresholdDb, thresholdDb, 'knee');
    if (wrongThreshold) return wrongThreshold;
    const summary = nearThreshold(levelHits(findHits(clip.channels, render), render), params.thresholdDb);
    return checkNearThreshold(summary, minDb, maxDb, clip);
  });
  return (
    <div class="not-content cl-widget cl-exercise">
      <CheckPanel feedback={feedback} onCheck={check} />
    </div>
  );
}
