/**
 * Misconception checks: one question at a time as a radio group; "Check" gives the feedback for the chosen option
 * (announced) and a link to the lesson. The first answer to each question is kept in the practice record.
 */
import { useState } from 'preact/hooks';
import { QUESTIONS } from '../../lib/practice/misconceptions';
import { withCheckAnswer } from '../../lib/practice/progress';
import { updateProgress } from './progress-state';
import { useInstanceId } from '../shared/use-instance-id';
import { announceResult } from './announce';
import '../shared/widgets.css';
import './practice.css';

function QuestionCard({ index }: { index: number }) {
  const q = QUESTIONS[index];
  const uid = useInstanceId(`quiz-${q?.id ?? index}`);
  const [choice, setChoice] = useState<number | null>(null);
  const [checked, setChecked] = useState<number | null>(null);
  if (!q) return null;
  const option = checked === null ? null : q.options[checked];
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return (
    <fieldset>
      <legend>
        Question {index + 1} of {QUESTIONS.length}
      </legend>
      <p class="cl-desc" id={`${uid}-prompt`}>
        {q.prompt}
      </p>
      <div role="radiogroup" aria-labelledby={`${uid}-prompt`}>
        {q.options.map((o, i) => (
          <label key={i} class="cl-practice-option">
            <input
              type="radio"
              name={`${uid}-answer`}
              checked={choice === i}
              onChange={() => {
                setChoice(i);
                setChecked(null); // a verdict belongs to the option it was given for
              }}
            />
            {o.text}
          </label>
        ))}
      </div>
      <button
        type="button"
        class="cl-button"
        disabled={choice === null}
        onClick={() => {
          if (choice === null) return;
          setChecked(choice);
          const picked = q.options[choice];
          const right = picked?.right ?? false;
          updateProgress((p) => withCheckAnswer(p, q.id, right));
          announceResult({
            clip: null,
            task: `question-${q.id}`,
            verdict: right ? 'right' : 'wrong',
            passed: right,
            score: right ? 1 : 0,
            message: picked?.feedback ?? '',
          });
        }}
      >
        Check my answer
      </button>
      <p class="cl-desc cl-practice-status" role="status" aria-live="polite">
        {option && (
          <>
            <strong>{option.right ? '✓ ' : 'Not quite. '}</strong>
            {option.feedback} <a href={`${base}${q.lesson.slug}/`}>Read the {q.lesson.title} lesson</a>
          </>
        )}
      </p>
    </fieldset>
  );
}

export default function MisconceptionQuiz() {
  const uid = useInstanceId('quiz');
  return (
    <section class="not-content cl-widget cl-practice" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`} class="cl-widget-title">
        Quick questions
      </h3>
      {QUESTIONS.map((q, i) => (
        <QuestionCard key={q.id} index={i} />
      ))}
    </section>
  );
}
