/**
 * A lesson exercise with feedback: the learner sets a control, presses "Check", and the verdict is computed from
 * the offline render of their own setting (model.ts), announced in a live region. The exercise names the clip it
 * is about and checks only that clip; a verdict belongs to the setting and clip it was computed for and is cleared
 * as soon as either changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { renderIsCurrent } from '../../state/lab';
import { loadManifest } from '../../audio/clips';
import { useLab } from '../shared/use-lab';
import { mostGainReductionDb } from '../shared/measures';
import { reasonsBeforeAfter } from '../shared/reasons';
import { checkReasonGoal, type ReasonGoal } from './reason-goal';
import {
  checkLoudestHitsOnly,
  checkMostReduction,
  clipProblem,
  exerciseKey,
  findHits,
  requireThreshold,
  type Feedback,
} from './model';
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

function useClipTitles(): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    loadManifest()
      .then((m) => {
        if (live) setTitles(Object.fromEntries(m.clips.map((c) => [c.id, c.title])));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return titles;
}

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
  const titles = useClipTitles();
  const [answer, setAnswer] = useState<{ key: string; feedback: Feedback } | null>(null);
  // A check asked for while the render of the learner's latest setting is still on its way waits for it, so
  // the verdict is always about the setting on screen.
  const [pending, setPending] = useState(false);
  const current = renderIsCurrent(lab);
  const key = exerciseKey(lab.params.value, lab.clipId.value);
  const title = (id: string) => titles[id] ?? id;
  const check = () => {
    const clip = lab.clip.value;
    const render = lab.render.value;
    const clipId = lab.clipId.value;
    const wrongClip = clipProblem(clipId, clips, titles);
    if (wrongClip) {
      setPending(false);
      setAnswer({ key, feedback: wrongClip });
      return;
    }
    if (!clip || clip.id !== clipId || !render || !renderIsCurrent(lab)) {
      setPending(true);
      setAnswer({ key, feedback: { verdict: 'none', message: 'Working out what your setting does to the clip…' } });
      return;
    }
    setPending(false);
    const params = lab.renderParams.value ?? lab.params.value;
    const wrongThreshold =
      kind === 'loudest-reduction' && thresholdDb !== undefined
        ? requireThreshold(params.thresholdDb, thresholdDb)
        : null;
    const feedback =
      wrongThreshold ??
      (kind === 'reason-goal' && goal
        ? checkReasonGoal(reasonsBeforeAfter(clip.channels, render), goal, params)
        : kind === 'loudest-hits-only'
          ? checkLoudestHitsOnly(findHits(clip.channels, render), params.thresholdDb)
          : checkMostReduction(mostGainReductionDb(render), minDb, maxDb, title(clipId)));
    setAnswer({ key, feedback });
  };
  useEffect(() => {
    if (pending && current && answer?.key === key) check();
  });
  // A verdict about another setting or clip is not shown (and a pending check for it is dropped).
  const feedback = answer && answer.key === key ? answer.feedback : null;
  const wantedClip = clips[0] ?? 'drums';
  const offerSwitch = feedback !== null && !clips.includes(lab.clipId.value);
  return (
    <div class="not-content cl-widget cl-exercise">
      <p class="cl-exercise-clip">
        Checks the {clips.map((id) => title(id)).join(' or the ')}
        {clips.length > 1 ? ', whichever the player has' : ''}.
      </p>
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
      {offerSwitch && (
        <button type="button" class="cl-button" onClick={() => (lab.clipId.value = wantedClip)}>
          Switch to the {title(wantedClip)}
        </button>
      )}
    </div>
  );
}
