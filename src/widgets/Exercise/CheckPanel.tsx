/** The check button and the announced verdict of an exercise (the verdict itself comes from use-check.ts). */
import type { Feedback } from './model';

export function CheckPanel({ feedback, onCheck }: { feedback: Feedback | null; onCheck: () => void }) {
  return (
    <>
      <button type="button" class="cl-button" onClick={onCheck}>
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
    </>
  );
}
