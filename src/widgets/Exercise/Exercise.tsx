/**
 * A lesson exercise with feedback: the learner sets a control, presses "Check", and the verdict is computed from
 * the offline render of their own setting (model.ts), announced in a live region.
 */
import { useEffect, useState } from 'preact/hooks';
import { renderIsCurrent } from '../../state/lab';
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
  // A check asked for while the render of the learner's latest setting is still on its way waits for it, so
  // the verdict is always about the setting on screen.
  const [pending, setPending] = useState(false);
  const current = renderIsCurrent(lab);
  const check = () => {
    const clip = lab.clip.value;
    const render = lab.render.value;
    if (!clip || !render || !renderIsCurrent(lab)) {
      setPending(true);
      setFeedback({ verdict: 'none', message: 'Working out what your setting does to the clip…' });
      return;
    }
    setPending(false);
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
  useEffect(() => {
    if (pending && current) check();
  });
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
