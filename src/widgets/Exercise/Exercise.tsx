/**
 * A lesson exercise with feedback: the learner sets a control, presses "Check", and the verdict is computed from
 * the offline render of their own setting (model.ts), announced in a live region (use-check.ts, CheckPanel.tsx).
 */
import { useLab } from '../shared/use-lab';
import { checkLoudestHitsOnly, checkLoudestReduction, findHits, requireThreshold } from './model';
import { useRenderCheck } from './use-check';
import { CheckPanel } from './CheckPanel';
import '../shared/widgets.css';

export interface ExerciseProps {
  group?: string;
  kind: 'loudest-hits-only' | 'loudest-reduction';
  /** For 'loudest-reduction': the goal range, dB. */
  minDb?: number;
  maxDb?: number;
  /** For 'loudest-reduction': the threshold the exercise assumes, dB. */
  thresholdDb?: number;
}

export default function Exercise({ group = 'default', kind, minDb = 6, maxDb = 10, thresholdDb }: ExerciseProps) {
  const lab = useLab(group, true);
  const { feedback, check } = useRenderCheck(lab, (clip, render, params) => {
    const wrongThreshold =
      kind === 'loudest-reduction' && thresholdDb !== undefined
        ? requireThreshold(params.thresholdDb, thresholdDb)
        : null;
    if (wrongThreshold) return wrongThreshold;
    const hits = findHits(clip.channels, render);
    return kind === 'loudest-hits-only' ? checkLoudestHitsOnly(hits) : checkLoudestReduction(hits, minDb, maxDb);
  });
  return (
    <div class="not-content cl-widget cl-exercise">
      <CheckPanel feedback={feedback} onCheck={check} />
    </div>
  );
}
