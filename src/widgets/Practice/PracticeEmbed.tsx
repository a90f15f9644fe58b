/**
 * What an /embed/practice-<drill>/ page shows: the drill (its theme is set by the embed layout from the address)
 * and the host-page messages of src/lib/embed-protocol.ts through the frame host: `ready` with the
 * clip it opens on, `settingchange` when the learner picks another clip or moves a setting, `play`/`pause`, and a
 * `result` with a score for each finished drill, match or answered question (the widgets announce them).
 * The embed's options (src/lib/embed-options.ts) reach the drills too: hide=file (or hide=clip) leaves out
 * "Your own file…"; anything the address asks that cannot be done is said below the drill.
 */
import { useEffect, useState } from 'preact/hooks';
import { parseEmbedOptions, tidyQuery } from '../../lib/embed-options';
import { EmbedOptionsContext } from '../shared/embed-options-context';
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

  const [{ options, notes }] = useState(() => {
    const tidy = tidyQuery(location.search);
    const parsed = parseEmbedOptions(tidy.query);
    return { options: parsed, notes: [...tidy.notes, ...parsed.notes] };
  });

  const body = () => {
    if (drill === 'questions') return <MisconceptionQuiz />;
    if (drill === 'match') return <MatchDrill {...(clips ? { clips } : {})} />;
    return <WhichOneDrill drill={drill} {...(clips ? { clips } : {})} />;
  };
  return (
    <EmbedOptionsContext.Provider value={options}>
      {body()}
      {notes.map((note) => (
        <p key={note} class="cl-desc">
          {note}
        </p>
      ))}
    </EmbedOptionsContext.Provider>
  );
}
