/**
 * "Your practice": what this browser has kept (localStorage only), the latest threshold of each drill, the best
 * match, and a reset. `compact` shows the one-line summary only (for the end of a lesson).
 */
import { useState } from 'preact/hooks';
import { clipPhrase, DRILLS, type DrillId } from '../../lib/practice/drills';
import { summarizeProgress } from '../../lib/practice/progress';
import { clearProgress, practiceProgress } from './progress-state';
import { useInstanceId } from '../shared/use-instance-id';
import { useClipChoices } from './clip-choices';
import '../shared/widgets.css';
import './practice.css';

export interface ProgressPanelProps {
  compact?: boolean;
}

export default function ProgressPanel({ compact = false }: ProgressPanelProps) {
  const { progress, notice } = practiceProgress();
  const uid = useInstanceId('practice-progress');
  const { choices } = useClipChoices();
  const [status, setStatus] = useState('');
  const p = progress.value;
  const title = (id: string) => choices.find((c) => c.id === id)?.title ?? id;
  if (compact) {
    return (
      <p class="not-content cl-desc cl-practice-line">
        <strong>Your practice:</strong> {summarizeProgress(p)}{' '}
        <a href={`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}practice/`}>Practise by ear</a>
      </p>
    );
  }
  const best = p.matches.reduce<(typeof p.matches)[number] | null>((b, m) => (!b || m.credit > b.credit ? m : b), null);
  return (
    <section class="not-content cl-widget cl-practice" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`} class="cl-widget-title">
        Your practice
      </h3>
      <p class="cl-desc">Kept in this browser only; nothing is sent anywhere.</p>
      {notice.value && <p class="cl-desc">{notice.value}</p>}
      <p class="cl-desc" data-testid="practice-summary">
        {summarizeProgress(p)}
      </p>
      <ul class="cl-desc">
        {(Object.keys(DRILLS) as DrillId[]).map((id) => {
          const last = p.drills[id].at(-1);
          return (
            <li key={id}>
              {DRILLS[id].title}{' '}
              {last
                ? `${DRILLS[id].describeThreshold(last.threshold, clipPhrase(title(last.clipId)))} (latest of ${p.drills[id].length}, ${last.trials} trials)`
                : 'not finished yet.'}
            </li>
          );
        })}
        <li>
          Match the compressor:{' '}
          {best
            ? `best score ${Math.round(best.credit * 100)} % (${best.errorDb.toFixed(1)} dB off) on ${clipPhrase(title(best.clipId))}.`
            : 'not tried yet.'}
        </li>
      </ul>
      <button
        type="button"
        class="cl-button"
        onClick={() => {
          clearProgress();
          setStatus('Your practice record was cleared.');
        }}
      >
        Reset my practice
      </button>
      <p class="cl-desc cl-practice-status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
