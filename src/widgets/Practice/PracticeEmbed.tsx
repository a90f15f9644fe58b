/**
 * What an /embed/practice-<drill>/ page shows: the drill (its theme is set by the embed layout from the address)
 * and the host-page messages of src/lib/embed-protocol.ts through the frame host: `ready` with the
 * clip it opens on, `settingchange` when the learner picks another clip or moves a setting, `play`/`pause`, and a
 * `result` with a score for each finished drill, match or answered question (the widgets announce them).
 */
import { useEffect } from 'preact/hooks';
import { PRACTICE_EMBEDS, type PracticeEmbed as Drill } from '../../lib/practice/embeds';
import { DEFAULT_CLIP_ID } from '../../state/lab';
import { startFrameHost } from '../shared/embed-frame';
import WhichOneDrill from './WhichOneDrill';
import MatchDrill from './MatchDrill';
import MisconceptionQuiz from './MisconceptionQuiz';

export default function PracticeEmbed({ drill }: { drill: Drill }) {
  const { clips } = PRACTICE_EMBEDS[drill];
  useEffect(() => {
    const frame = startFrameHost(`practice-${drill}`);
    frame.ready({ clip: clips === null ? DEFAULT_CLIP_ID : (clips[0] ?? null), params: {} });
    return () => frame.dispose();
  }, [drill, clips]);

  if (drill === 'questions') return <MisconceptionQuiz />;
  if (drill === 'match') return <MatchDrill {...(clips ? { clips } : {})} />;
  return <WhichOneDrill drill={drill} {...(clips ? { clips } : {})} />;
}
