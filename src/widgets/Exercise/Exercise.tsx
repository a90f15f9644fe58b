/**
 * A lesson exercise with feedback: the learner sets a control, presses "Check", and the verdict is computed from
 * the offline render of their own setting (model.ts), announced in a live region (use-check.ts, CheckPanel.tsx).
 * The exercise names the clips it is about and checks only those; a verdict belongs to the setting and clip it was
 * computed for and is cleared as soon as either changes.
 */
import { useLab } from '../shared/use-lab';
import { mostGainReductionDb } from '../shared/measures';
import { reasonsBeforeAfter } from '../shared/reasons';
import { checkReasonGoal, type ReasonGoal } from './reason-goal';
import { checkLoudestHitsOnly, checkMostReduction, findHits, requireThreshold } from './model';
import { useRenderCheck } from './use-check';
import { CheckPanel } from './CheckPanel';
import '../shared/widgets.css';

export interface ExerciseProps {
  group?: string;
  kind: 'loudest-hits-only' | 'loudest-reduction' | 'reason-goal';
  /** For 'reason-goal': which of the four reasons' measures to move, and how far (./reason-goal.ts). */
  goal?: ReasonGoal;
  /** The clips this exercise is about (default: the drum groove); the first is the one it offers to switch to. */
  clips?: string[];
  /** For 'loudest-reduction': the goal range, dB. */
  minDb?: number;
  maxDb?: number;
  /** For 'loudest-reduction': the threshold the exercise assumes, dB. */
  thresholdDb?: number;
}

const DEFAULT_CLIPS = ['drums'];

export default function Exercise({
  group = 'default',
  kind,
  clips = DEFAULT_CLIPS,
  minDb = 6,
  maxDb = 10,
  thresholdDb,
  goal,
}: ExerciseProps) {
  const lab = useLab(group, true);
  const { feedback, check, titles } = useRenderCheck(
    lab,
    (clip, render, params) => {
      const wrongThreshold =
        kind === 'loudest-reduction' && thresholdDb !== undefined
          ? requireThreshold(params.thresholdDb, thresholdDb, 'ratio')
          : null;
      if (wrongThreshold) return wrongThreshold;
      if (kind === 'reason-goal' && goal)
        return checkReasonGoal(reasonsBeforeAfter(clip.channels, render), goal, params);
      return kind === 'loudest-hits-only'
        ? checkLoudestHitsOnly(findHits(clip.channels, render), params.thresholdDb)
        : checkMostReduction(mostGainReductionDb(render), minDb, maxDb, titles[clip.id] ?? clip.title);
    },
    clips,
  );
  return (
    <div class="not-content cl-widget cl-exercise">
      <CheckPanel feedback={feedback} onCheck={check} clips={clips} titles={titles} lab={lab} />
    </div>
  );
}
