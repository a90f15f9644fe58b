/**
 * "Which one?" drill island: blind, loudness-matched alternatives of one excerpt, an adaptive staircase over
 * the drill's variable, and after each answer the verdict (announced) and a picture of what the compressor did.
 * Thin view: the staircase (lib/practice/staircase.ts), the audio of a trial (alternatives.ts), the texts
 * (drill-text.ts) and the playback (audio/practice-player.ts) live elsewhere.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadClip } from '../../audio/clips';
import type { PracticePlayer } from '../../audio/practice-player';
import { DEFAULT_CLIP_ID } from '../../state/lab';
import { DRILLS, oddPosition, type DrillId } from '../../lib/practice/drills';
import { answer, startStaircase, threshold, type StaircaseState } from '../../lib/practice/staircase';
import { withDrillResult } from '../../lib/practice/progress';
import { clipPhrase } from '../../lib/practice/drills';
import { OWN_CLIP_ID } from '../../audio/user-file-check';
import { OWN_RESULT_NOTE, OwnClipPick, useOwnClip, useOwnClipDrop } from './OwnClip';
import { attackDrillThreshold, buildTrial, excerpt, type TrialAudio } from './alternatives';
import { answerLabel, letter, revealLabel, seedFromSearch, settingsText, verdictText } from './drill-text';
import { ReductionPicture } from './ReductionPicture';
import { useClipChoices } from './clip-choices';
import { ClipSelect } from './ClipSelect';
import { updateProgress } from './progress-state';
import { useInstanceId } from '../shared/use-instance-id';
import { announceResult, announcingPlayer } from './announce';
import '../shared/widgets.css';
import './practice.css';

export interface WhichOneDrillProps {
  drill: DrillId;
  /** Clips to offer (default: all). */
  clips?: readonly string[];
}

interface Prepared {
  clipId: string;
  /** What the texts call the clip (clipPhrase). */
  clipName: string;
  /** The learner's own file: its results are not kept in the practice record (see README, Practice). */
  own: boolean;
  input: Float32Array[];
  sampleRate: number;
  attackThresholdDb: number;
  seed: number;
}

type Phase = 'setup' | 'loading' | 'trial' | 'answered' | 'done';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function randomSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return (a[0] ?? 1) % 1_000_000_000;
}

export default function WhichOneDrill({ drill, clips }: WhichOneDrillProps) {
  const def = DRILLS[drill];
  const uid = useInstanceId(`drill-${drill}`);
  const { choices, error: listError } = useClipChoices(clips);
  const [clipId, setClipId] = useState(clips?.[0] ?? DEFAULT_CLIP_ID);
  const [phase, setPhase] = useState<Phase>('setup');
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [stairs, setStairs] = useState<StaircaseState | null>(null);
  const [trial, setTrial] = useState<TrialAudio | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [listening, setListening] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const player = useRef<PracticePlayer | null>(null);
  const playingClip = useRef(clipId);
  const firstPlay = useRef<HTMLButtonElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const own = useOwnClip(clipId, choices, () => setClipId(OWN_CLIP_ID));
  const { isOwn, title: clipTitle } = own;
  const clipName = clipPhrase(clipTitle, isOwn);
  const drop = useOwnClipDrop(own, phase === 'setup' || phase === 'done');

  useEffect(() => () => player.current?.dispose(), []);
  useEffect(() => {
    if (phase === 'trial') firstPlay.current?.focus();
    if (phase === 'answered') nextButton.current?.focus();
  }, [phase, trial]);

  const stopListening = () => {
    player.current?.stop();
    setListening(null);
  };

  const prepareTrial = async (p: Prepared, s: StaircaseState) => {
    stopListening();
    setPhase('loading');
    setChosen(null);
    await nextTask(); // let "Preparing…" paint before the renders
    const odd = oddPosition(p.seed, s.trials.length, def.alternatives);
    const t = buildTrial(drill, p.input, p.sampleRate, s.stimulus, odd, p.attackThresholdDb);
    playingClip.current = p.clipId;
    (player.current ??= announcingPlayer(() => playingClip.current)).load(
      t.alternatives.map((a) => ({ channels: a.channels, gainDb: a.gainDb })),
      p.sampleRate,
    );
    setTrial(t);
    setStairs(s);
    setPhase('trial');
    setStatus(`Trial ${s.trials.length + 1}: ${def.describeStimulus(s.stimulus)}. Listen, then choose.`);
  };

  const start = async () => {
    setError(null);
    setPhase('loading');
    setStatus(`Loading ${clipName}…`);
    try {
      const clip = isOwn && own.clip ? own.clip : await loadClip(clipId);
      await nextTask();
      const input = excerpt(clip.channels, clip.sampleRate);
      const p: Prepared = {
        clipId,
        clipName,
        own: isOwn,
        input,
        sampleRate: clip.sampleRate,
        attackThresholdDb: drill === 'attack' ? attackDrillThreshold(input, clip.sampleRate) : 0,
        seed: seedFromSearch(location.search) ?? randomSeed(),
      };
      setPrepared(p);
      await prepareTrial(p, startStaircase(def.staircase));
    } catch (e) {
      setPhase('setup');
      setStatus('');
      setError(`The drill could not start: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };

  const listen = (index: number) => {
    setListening(index);
    player.current?.play(index).catch((e: unknown) => {
      setListening(null);
      setError(`Audio could not start: ${e instanceof Error ? e.message : String(e)}.`);
    });
  };

  const choose = (index: number) => {
    if (!stairs || !trial || !prepared || phase !== 'trial') return;
    const answeredAt = stairs.stimulus;
    const next = answer(stairs, index === trial.odd);
    setChosen(index);
    setStairs(next);
    const value = threshold(next);
    const finished = next.done && value !== null;
    const verdict = verdictText(drill, index, trial.odd, answeredAt, next, prepared.clipName);
    setStatus(finished && prepared.own ? `${verdict} ${OWN_RESULT_NOTE}` : verdict);
    if (next.done && value !== null) {
      if (!prepared.own)
        updateProgress((p) =>
          withDrillResult(p, drill, {
            atMs: Date.now(),
            clipId: prepared.clipId,
            threshold: value,
            trials: next.trials.length,
          }),
        );
      announceResult({
        clip: prepared.clipId,
        task: `practice-${drill}`,
        verdict: 'finished',
        passed: true,
        score: next.trials.filter((t) => t.correct).length / next.trials.length,
        message: def.describeThreshold(value, prepared.clipName),
        measured: { ...def.measures, value: Math.round(value * 100) / 100 },
      });
      setPhase('done');
    } else setPhase('answered');
  };

  const answered = phase === 'answered' || phase === 'done';
  const oddAlt = trial?.alternatives[trial.odd];
  return (
    <section
      class={`not-content cl-widget cl-practice${drop.over ? ' cl-practice-drop' : ''}`}
      aria-labelledby={`${uid}-title`}
      {...drop.handlers}
    >
      <h3 id={`${uid}-title`} class="cl-widget-title">
        {def.title}
      </h3>
      <p class="cl-desc">{def.question}</p>
      {(phase === 'setup' || phase === 'done') && (
        <div class="cl-toolbar">
          <ClipSelect choices={own.withOwn(choices)} value={clipId} title={clipTitle} onChange={setClipId} />
          <button type="button" class="cl-button" onClick={() => void start()} disabled={own.reading !== null}>
            {phase === 'done' ? 'Practise again' : 'Start the drill'}
          </button>
        </div>
      )}
      {(phase === 'setup' || phase === 'done') && <OwnClipPick own={own} hintId={`${uid}-own`} />}
      {phase === 'loading' && <p class="cl-desc">Preparing the next trial…</p>}
      {stairs && trial && (phase === 'trial' || answered) && (
        <>
          <p class="cl-readout">
            <strong>Trial {answered ? stairs.trials.length : stairs.trials.length + 1}</strong> ·{' '}
            {def.describeStimulus(answered ? (stairs.trials.at(-1)?.stimulus ?? stairs.stimulus) : stairs.stimulus)} ·{' '}
            {stairs.reversals.length} of {def.staircase.reversalsToStop} turning points
          </p>
          <div class="cl-toolbar" role="group" aria-label="Listen">
            {trial.alternatives.map((alt, i) => (
              <button
                key={i}
                ref={i === 0 ? firstPlay : null}
                type="button"
                class="cl-button"
                aria-pressed={listening === i}
                onClick={() => listen(i)}
              >
                Play {letter(i)}
                {answered ? ` (${revealLabel(drill, alt.params)})` : ''}
              </button>
            ))}
            <button type="button" class="cl-button" onClick={stopListening} disabled={listening === null}>
              Stop
            </button>
          </div>
          <div class="cl-toolbar" role="group" aria-label="Your answer">
            {trial.alternatives.map((_, i) => (
              <button
                key={i}
                type="button"
                class="cl-button cl-practice-answer"
                aria-pressed={chosen === i}
                disabled={answered}
                onClick={() => choose(i)}
              >
                {answerLabel(drill, i)}
              </button>
            ))}
          </div>
        </>
      )}
      <p class="cl-desc cl-practice-status" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p class="cl-desc" role="alert">
          {error}
        </p>
      )}
      {listError && <p class="cl-desc">{listError}</p>}
      {answered && trial && oddAlt?.params && (
        <ReductionPicture
          input={trial.input}
          render={trial.oddRender}
          params={oddAlt.params}
          label={`Gain reduction over time of ${letter(trial.odd)} (${settingsText(oddAlt.params)})`}
        />
      )}
      {answered && oddAlt?.params && (
        <p class="cl-desc">
          {letter(trial?.odd ?? 0)} was compressed with {settingsText(oddAlt.params)}.
        </p>
      )}
      {phase === 'answered' && prepared && stairs && (
        <button ref={nextButton} type="button" class="cl-button" onClick={() => void prepareTrial(prepared, stairs)}>
          Next trial
        </button>
      )}
    </section>
  );
}
