/**
 * One "Check my setting" for exercises that judge the render of the learner's own setting: a check asked for
 * while that render is still on its way waits for it; an exercise about named clips says so when the player has
 * another example clip (a learner's own file is checked too); and the verdict is cleared whenever the setting or the clip changes, so it always describes what is on
 * screen.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LoadedClip } from '../../audio/clips';
import { renderIsCurrent, type Lab } from '../../state/lab';
import type { CompressorParams, OfflineRender } from '../../dsp/types';
import { clipProblem, type Feedback } from './model';
import { useClipTitles } from './use-clip-titles';
import { reportResult } from './results';
import { OWN_CLIP_ID } from '../../audio/user-file-check';

export type Judge = (clip: LoadedClip, render: OfflineRender, params: CompressorParams) => Feedback;

export interface RenderCheck {
  feedback: Feedback | null;
  check: () => void;
  /** Clip titles by id (from the manifest), for naming the clips an exercise is about. */
  titles: Readonly<Record<string, string>>;
}

/** `clips`: the clips the exercise is about (any clip when omitted). */
export function useRenderCheck(lab: Lab, judge: Judge, clips?: readonly string[]): RenderCheck {
  const titles = useClipTitles();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [pending, setPending] = useState(false);
  const params = lab.params.value;
  const clipId = lab.clipId.value;
  const current = renderIsCurrent(lab);
  useEffect(() => {
    setFeedback(null);
    setPending(false);
  }, [params, clipId]);
  const check = () => {
    // The learner's own file is checked like the clips the exercise names (the checks measure whatever clip it is).
    const own = lab.clipId.value === OWN_CLIP_ID;
    const wrongClip = clips && !own ? clipProblem(lab.clipId.value, clips, titles) : null;
    if (wrongClip) {
      setPending(false);
      setFeedback(wrongClip);
      return;
    }
    const clip = lab.clip.value;
    const render = lab.render.value;
    const rendered = lab.renderParams.value;
    if (!clip || clip.id !== lab.clipId.value || !render || !rendered || !renderIsCurrent(lab)) {
      setPending(true);
      setFeedback({ verdict: 'none', message: 'Working out what your setting does to the clip…' });
      return;
    }
    setPending(false);
    const verdict = judge(clip, render, rendered);
    setFeedback(verdict);
    reportResult(verdict.verdict, verdict.message);
  };
  useEffect(() => {
    if (pending && current) check();
  });
  return { feedback, check, titles };
}
