/**
 * A lesson exercise with feedback: the learner sets a control, presses "Check", and the verdict is computed from
 * the offline render of their own setting (model.ts), announced in a live region.
 */
import { useState } from 'preact/hooks';
import { useLab } from '../shared/use-lab';
import { checkLoudestHitsOnly, checkLoudestReduction, findHits, requireThreshold, type Feedback } from './model';
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
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const check = () => {
    const clip = lab.clip.value;
    const render = lab.render.value;
    if (!clip || !render) {
      setFeedback({ verdict: 'none', message: 'The clip is still loading; try again in a moment.' });
      return;
    }
    const wrongThreshold =
      kind === 'loudest-reduction' && thresholdDb !== undefined
        ? requireThreshold(lab.params.value.thresholdDb, thresholdDb)
        : null;
    if (wrongThreshold) {
      setFeedback(wrongThreshold);
      return;
    }
    const hits = findHits(clip.channels, render);
    setFeedback(kind === 'loudest-hits-only' ? checkLoudestHitsOnly(hits) : checkLoudestReduction(hits, minDb, maxDb));
  };
  return (
    <div class="not-content cl-widget cl-exercise">
      <button type="button" class="cl-button" onClick={check}>
        Check my setting
      </button>
      <p class="cl-desc" role="status" aria-live="polite">
        {feedback && (
          <>
            <strong>{feedback.verdict === 'good' ? '✓ ' : feedback.verdict === 'none' ? '' : 'Not yet. '}</strong>
            {feedback.message}
          </>
        )}
      </p>
    </div>
  );
}
