/**
 * What every exercise shows: which clips it checks, the check button, the announced verdict (computed by
 * use-check.ts or the exercise itself), and, when the player has another clip, a button that switches to the
 * first clip the exercise is about.
 */
import type { Lab } from '../../state/lab';
import type { Feedback } from './model';
import { OWN_CLIP_ID } from '../../audio/user-file-check';

export interface CheckPanelProps {
  feedback: Feedback | null;
  onCheck: () => void;
  /** The clips the exercise checks, named above the button (omit for "whichever clip the player has"). */
  clips?: readonly string[];
  titles?: Readonly<Record<string, string>>;
  /** With `clips`: the lab whose clip the switch button changes (omit when the exercise renders the clips itself). */
  lab?: Lab;
  /** The exercise checks every clip in `clips` (not whichever one the player has). */
  checksAll?: boolean;
}

export function CheckPanel({ feedback, onCheck, clips, titles = {}, lab, checksAll = false }: CheckPanelProps) {
  const title = (id: string) => titles[id] ?? id;
  const wanted = clips?.[0];
  const offerSwitch =
    feedback !== null &&
    lab !== undefined &&
    clips !== undefined &&
    lab.clipId.value !== OWN_CLIP_ID &&
    !clips.includes(lab.clipId.value);
  return (
    <>
      {clips && clips.length > 0 && (
        <p class="cl-exercise-clip">
          Checks the {clips.map((id) => title(id)).join(checksAll ? ' and the ' : ' or the ')}
          {clips.length > 1 && !checksAll ? ', whichever the player has' : ''}
          {checksAll || !lab ? '' : ', or your own file'}.
        </p>
      )}
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
      {offerSwitch && wanted && (
        <button type="button" class="cl-button" onClick={() => (lab.clipId.value = wanted)}>
          Switch to the {title(wanted)}
        </button>
      )}
    </>
  );
}
