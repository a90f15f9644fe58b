/**
 * The Attack and Release exercises: the learner sets a time, presses "Check", and the verdict is computed from
 * the compressor's render of the named clips at that setting (timing-checks.ts). The lab's own render is used
 * when it is current; another clip is decoded and rendered with the same renderOffline the render worker runs.
 * Any change of setting or clip clears the verdict, so it always describes what is on screen.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { renderOffline } from '../../dsp/compressor';
import type { CompressorParams, OfflineRender } from '../../dsp/types';
import { loadClip } from '../../audio/clips';
import { renderIsCurrent, type Lab } from '../../state/lab';
import { holdRender } from '../../state/render-loans';
import { useLab } from '../shared/use-lab';
import type { Feedback } from './model';
import { CheckPanel } from './CheckPanel';
import { useClipTitles } from './use-clip-titles';
import { checkCrackAndBody, checkRecovery, requireSettings, type CheckedClip } from './timing-checks';
import '../shared/widgets.css';

export interface TimingExerciseProps {
  group?: string;
  kind: 'crack-and-body' | 'recovery';
  /** crack-and-body: the least the body must come down, dB. */
  bodyMinDb?: number;
  /** Settings the exercise assumes. */
  thresholdDb?: number;
  ratio?: number;
}

/** The clips each exercise renders and checks, whatever clip the player has. */
const CHECKED_CLIPS = { 'crack-and-body': ['drums'], recovery: ['drums', 'bass'] } as const;

/**
 * The clip `id` rendered at `params`: the lab's render when it is current (held until the check is done: a second
 * clip may be decoded meanwhile, and the render's arrays must not go back to the render Worker, render-loans.ts).
 */
async function renderClip(
  lab: Lab,
  id: string,
  params: CompressorParams,
  releases: (() => void)[],
): Promise<CheckedClip> {
  const current = lab.clip.value;
  const render = lab.render.value;
  if (current && render && current.id === id && renderIsCurrent(lab)) {
    releases.push(holdRender(render));
    return { title: current.title, input: current.channels, render };
  }
  const clip = await loadClip(id);
  // Let the "working" message paint before the compressor runs on this thread.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const out: OfflineRender = renderOffline(clip.channels, clip.sampleRate, params);
  return { title: clip.title, input: clip.channels, render: out };
}

export default function TimingExercise({
  group = 'default',
  kind,
  bodyMinDb = 4,
  thresholdDb,
  ratio,
}: TimingExerciseProps) {
  const lab = useLab(group, true);
  const titles = useClipTitles();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const token = useRef(0);
  const params = lab.params.value;
  const clipId = lab.clipId.value;
  useEffect(() => {
    token.current++;
    setFeedback(null);
  }, [params, clipId]);
  const check = async () => {
    const mine = ++token.current;
    const fixed = requireSettings(params, {
      ...(thresholdDb !== undefined ? { thresholdDb } : {}),
      ...(ratio !== undefined ? { ratio } : {}),
    });
    if (fixed) {
      setFeedback(fixed);
      return;
    }
    setFeedback({ verdict: 'none', message: 'Working out what your setting does to the clip…' });
    const releases: (() => void)[] = [];
    try {
      const result =
        kind === 'crack-and-body'
          ? checkCrackAndBody(await renderClip(lab, CHECKED_CLIPS[kind][0], params, releases), bodyMinDb)
          : checkRecovery(
              await renderClip(lab, CHECKED_CLIPS[kind][0], params, releases),
              await renderClip(lab, CHECKED_CLIPS[kind][1], params, releases),
            );
      if (token.current === mine) setFeedback(result);
    } catch (error) {
      if (token.current !== mine) return;
      const reason = error instanceof Error ? error.message : String(error);
      setFeedback({ verdict: 'none', message: `The check could not run: ${reason}.` });
    } finally {
      for (const release of releases) release();
    }
  };
  return (
    <div class="not-content cl-widget cl-exercise">
      <CheckPanel
        feedback={feedback}
        onCheck={() => void check()}
        clips={CHECKED_CLIPS[kind]}
        titles={titles}
        checksAll
      />
    </div>
  );
}
