/**
 * Make-up exercise: a player with loudness matching switched off and its ΔLU readout hidden, a Make-up slider,
 * and a check that reveals the measured difference (loudness-match.ts) for the learner's own setting.
 */
import { useEffect } from 'preact/hooks';
import type { CompressorParams } from '../../dsp/types';
import { resolveMakeupDb } from '../../dsp/gain-computer';
import Player from '../Player/Player';
import Controls from '../Controls/Controls';
import { useInitialParams, useLab } from '../shared/use-lab';
import { checkLoudnessMatch, renderDeltaLu } from './loudness-match';
import { useRenderCheck } from './use-check';
import { CheckPanel } from './CheckPanel';
import '../shared/widgets.css';

export interface LoudnessMatchExerciseProps {
  group?: string;
  clips?: string[];
  clip?: string;
  initial?: Partial<CompressorParams>;
}

export default function LoudnessMatchExercise({ group = 'match', clips, clip, initial }: LoudnessMatchExerciseProps) {
  const lab = useLab(group, true);
  useInitialParams(lab, initial, clip);
  useEffect(() => {
    // Matching would do the learner's job for them: they match by ear.
    lab.matchLoudness.value = false;
  }, [lab]);
  const { feedback, check } = useRenderCheck(lab, (loaded, render, params) =>
    checkLoudnessMatch(
      renderDeltaLu(loaded.channels, render, { loudness: lab.loudness.peek(), of: lab.loudnessOf.peek() }),
      resolveMakeupDb(params),
      loaded.title,
    ),
  );
  return (
    <section class="not-content cl-widget cl-exercise cl-workbench" aria-label="Exercise: match the loudness by ear">
      <Player group={group} showDelta={false} {...(clips ? { clips } : {})} />
      <Controls group={group} params={['makeupDb']} {...(initial ? { resetTo: initial } : {})} />
      <div>
        <CheckPanel feedback={feedback} onCheck={check} />
      </div>
    </section>
  );
}
