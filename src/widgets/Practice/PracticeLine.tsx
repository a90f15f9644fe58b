/**
 * One line at the end of each lesson: what this browser's practice record holds, and a link to the Practice page.
 * Reads localStorage only; renders nothing before the record is read.
 */
import { summarizeProgress } from '../../lib/practice/progress';
import { practiceProgress } from './progress-state';

export default function PracticeLine() {
  const { progress } = practiceProgress();
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return (
    <p class="not-content cl-practice-line">
      <strong>Your practice:</strong> {summarizeProgress(progress.value)}{' '}
      <a href={`${base}practice/`}>Practise by ear</a>
    </p>
  );
}
