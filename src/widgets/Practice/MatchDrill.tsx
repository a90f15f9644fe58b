/**
 * "Match the compressor": a hidden setting is applied to an excerpt; the learner sets threshold and ratio (then,
 * if chosen, attack and release) until their version matches, and checks. The score is the RMS level difference
 * between the two outputs (lib/practice/match-score.ts) with partial credit; the hidden setting is shown after the
 * check. Neither version is loudness-matched here: the level is what is being matched.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { loadClip } from '../../audio/clips';
import type { PracticePlayer } from '../../audio/practice-player';
import { urlParams } from '../../lib/embed-protocol';
import { DEFAULT_CLIP_ID } from '../../state/lab';
import { renderOffline } from '../../dsp/compressor';
import { formatParamValue } from '../../dsp/params';
import { peakDb } from '../../dsp/levels';
import { describeMatch, matchCredit, matchErrorDb } from '../../lib/practice/match-score';
import {
  ATTACK_STEPS_MS,
  MATCH_RATIO_RANGE,
  MATCH_START,
  MATCH_THRESHOLD_RANGE,
  RELEASE_STEPS_MS,
  hiddenSetting,
  matchParams,
  type MatchSetting,
} from '../../lib/practice/match-targets';
import { withMatchResult } from '../../lib/practice/progress';
import { excerpt } from './alternatives';
import { seedFromSearch } from './drill-text';
import { useClipChoices } from './clip-choices';
import { ClipSelect } from './ClipSelect';
import { OWN_RESULT_NOTE, OwnClipPick, useOwnClip, useOwnClipDrop } from './OwnClip';
import { OWN_CLIP_ID } from '../../audio/user-file-check';
import { clipPhrase } from '../../lib/practice/drills';
import { updateProgress } from './progress-state';
import { useInstanceId } from '../shared/use-instance-id';
import { announceResult, announceSetting, announcingPlayer } from './announce';
import { formatDb } from '../shared/describe';
import '../shared/widgets.css';
import './practice.css';

interface Round {
  clipId: string;
  /** What the texts call the clip (clipPhrase). */
  clipName: string;
  /** The learner's own file: its scores are not kept in the practice record. */
  own: boolean;
  input: Float32Array[];
  sampleRate: number;
  hidden: MatchSetting;
  hiddenOutput: Float32Array[];
  /** The excerpt's highest peak, dBFS (a hint for the threshold). */
  peakDb: number;
  withTimes: boolean;
  /** The first check of a round is the one recorded. */
  recorded: boolean;
}

const LISTEN = ['the original', 'the hidden compressor', 'your compressor'] as const;

function settingText(s: MatchSetting, withTimes: boolean): string {
  const head = `threshold ${formatParamValue('thresholdDb', s.thresholdDb)}, ratio ${formatParamValue('ratio', s.ratio)}`;
  return withTimes
    ? `${head}, attack ${formatParamValue('attackMs', s.attackMs)}, release ${formatParamValue('releaseMs', s.releaseMs)}`
    : head;
}

interface SliderProps {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  valueText: string;
  onInput: (v: number) => void;
}

function Slider({ id, label, min, max, step, value, valueText, onInput }: SliderProps) {
  return (
    <div class="cl-practice-slider">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={valueText}
        onInput={(e) => onInput(Number(e.currentTarget.value))}
      />
      {/* The slider's aria-valuetext says the value to screen readers; this is the same for the eye. */}
      <span class="cl-practice-value" aria-hidden="true">
        {valueText}
      </span>
    </div>
  );
}

export default function MatchDrill({ clips }: { clips?: readonly string[] }) {
  const uid = useInstanceId('match');
  const { choices } = useClipChoices(clips);
  const [clipId, setClipId] = useState(clips?.[0] ?? DEFAULT_CLIP_ID);
  const [withTimes, setWithTimes] = useState(false);
  const [round, setRound] = useState<Round | null>(null);
  const [count, setCount] = useState(0);
  const [seed] = useState(
    () => seedFromSearch(typeof location === 'undefined' ? '' : location.search) ?? Date.now() % 1e9,
  );
  const [mine, setMine] = useState<MatchSetting>(MATCH_START);
  const [verdict, setVerdict] = useState<{ key: string; text: string } | null>(null);
  const [listening, setListening] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const player = useRef<PracticePlayer | null>(null);
  const playingClip = useRef(clipId);
  const own = useOwnClip(clipId, choices, () => setClipId(OWN_CLIP_ID));
  const { isOwn, title: clipTitle } = own;
  const drop = useOwnClipDrop(own, true);
  const key = JSON.stringify(mine);

  useEffect(() => () => player.current?.dispose(), []);
  const myOutput = useMemo(
    () => (round ? renderOffline(round.input, round.sampleRate, matchParams(mine)).output : null),
    [round, mine],
  );
  // The player always holds the current three versions; a change while listening restarts the loop (faded).
  useEffect(() => {
    if (!round || !myOutput) return;
    playingClip.current = round.clipId;
    const p = (player.current ??= announcingPlayer(() => playingClip.current));
    const wasListening = p.playing ? p.current : null;
    p.load(
      [round.input, round.hiddenOutput, myOutput].map((channels) => ({ channels, gainDb: 0 })),
      round.sampleRate,
    );
    if (wasListening !== null) void p.play(wasListening).catch(() => setListening(null));
  }, [round, myOutput]);

  const newRound = async () => {
    setError(null);
    setBusy(true);
    setVerdict(null);
    player.current?.stop();
    setListening(null);
    try {
      const clip = isOwn && own.clip ? own.clip : await loadClip(clipId);
      const input = excerpt(clip.channels, clip.sampleRate);
      // The peak as the page shows it (0.1 dB), so the hint and the hidden threshold agree.
      const peak = Math.round(peakDb(input) * 10) / 10;
      const hidden = hiddenSetting(seed, count, withTimes, peak);
      const hiddenOutput = renderOffline(input, clip.sampleRate, matchParams(hidden)).output;
      setRound({
        clipId,
        clipName: clipPhrase(clipTitle, isOwn),
        own: isOwn,
        input,
        sampleRate: clip.sampleRate,
        hidden,
        hiddenOutput,
        peakDb: peak,
        withTimes,
        recorded: false,
      });
      setCount((c) => c + 1);
      setMine(MATCH_START);
    } catch (e) {
      setError(`The clip could not be loaded: ${e instanceof Error ? e.message : String(e)}.`);
    } finally {
      setBusy(false);
    }
  };

  const check = () => {
    if (!round || !myOutput) return;
    const errorDb = matchErrorDb(myOutput, round.hiddenOutput, round.sampleRate);
    const reveal = `The hidden setting was ${settingText(round.hidden, round.withTimes)}; yours is ${settingText(mine, round.withTimes)}.`;
    setVerdict({ key, text: `${describeMatch(errorDb)} ${reveal}${round.own ? ` ${OWN_RESULT_NOTE}` : ''}` });
    const credit = matchCredit(errorDb);
    announceResult({
      clip: round.clipId,
      params: urlParams(matchParams(mine)),
      task: 'practice-match',
      verdict: 'scored',
      passed: credit === 1,
      score: credit,
      message: `${describeMatch(errorDb)} ${reveal}`,
      measured: { name: 'level difference (RMS)', value: Math.round(errorDb * 100) / 100, unit: 'dB' },
    });
    if (!round.recorded && !round.own) {
      setRound({ ...round, recorded: true });
      updateProgress((p) =>
        withMatchResult(p, { atMs: Date.now(), clipId: round.clipId, errorDb, credit: matchCredit(errorDb) }),
      );
    }
  };

  const listen = (i: number) => {
    setListening(i);
    player.current?.play(i).catch((e: unknown) => {
      setListening(null);
      setError(`Audio could not start: ${e instanceof Error ? e.message : String(e)}.`);
    });
  };
  const set = (patch: Partial<MatchSetting>) => {
    const next = { ...mine, ...patch };
    setMine(next);
    announceSetting(clipId, urlParams(matchParams(next)));
  };
  const shown = verdict && verdict.key === key ? verdict.text : '';
  const attackIndex = Math.max(0, ATTACK_STEPS_MS.indexOf(mine.attackMs as (typeof ATTACK_STEPS_MS)[number]));
  const releaseIndex = Math.max(0, RELEASE_STEPS_MS.indexOf(mine.releaseMs as (typeof RELEASE_STEPS_MS)[number]));
  return (
    <section
      class={`not-content cl-widget cl-practice${drop.over ? ' cl-practice-drop' : ''}`}
      aria-labelledby={`${uid}-title`}
      {...drop.handlers}
    >
      <h3 id={`${uid}-title`} class="cl-widget-title">
        Match the compressor
      </h3>
      <p class="cl-desc">
        A hidden compressor setting is applied to the clip. Set yours until it sounds the same, then check. Nothing is
        loudness-matched here: how loud each version is, is part of the match. No make-up gain on either.
      </p>
      <div class="cl-toolbar">
        <ClipSelect
          choices={own.withOwn(choices)}
          value={clipId}
          title={clipTitle}
          onChange={setClipId}
          params={urlParams(matchParams(mine))}
        />
        <label>
          <input type="checkbox" checked={withTimes} onChange={(e) => setWithTimes(e.currentTarget.checked)} /> Also
          match attack and release
        </label>
        <button type="button" class="cl-button" disabled={busy || own.reading !== null} onClick={() => void newRound()}>
          {round ? 'New hidden setting' : 'Start matching'}
        </button>
      </div>
      <OwnClipPick own={own} hintId={`${uid}-own`} />
      {round && (
        <>
          <p class="cl-readout">
            Round {count} on {round.clipName}
            {round.withTimes ? ': threshold, ratio, attack and release' : ': threshold and ratio'}. The excerpt’s
            highest peak is at {formatDb(round.peakDb, 1, 'dBFS')}.
          </p>
          <div class="cl-toolbar" role="group" aria-label="Listen">
            {LISTEN.map((name, i) => (
              <button
                key={name}
                type="button"
                class="cl-button"
                aria-pressed={listening === i}
                onClick={() => listen(i)}
              >
                Play {name}
              </button>
            ))}
            <button
              type="button"
              class="cl-button"
              disabled={listening === null}
              onClick={() => {
                player.current?.stop();
                setListening(null);
              }}
            >
              Stop
            </button>
          </div>
          <div class="cl-practice-sliders">
            <Slider
              id={`${uid}-threshold`}
              label="Your threshold"
              {...MATCH_THRESHOLD_RANGE}
              value={mine.thresholdDb}
              valueText={formatParamValue('thresholdDb', mine.thresholdDb)}
              onInput={(v) => set({ thresholdDb: v })}
            />
            <Slider
              id={`${uid}-ratio`}
              label="Your ratio"
              {...MATCH_RATIO_RANGE}
              value={mine.ratio}
              valueText={formatParamValue('ratio', mine.ratio)}
              onInput={(v) => set({ ratio: v })}
            />
            {round.withTimes && (
              <>
                <Slider
                  id={`${uid}-attack`}
                  label="Your attack"
                  min={0}
                  max={ATTACK_STEPS_MS.length - 1}
                  step={1}
                  value={attackIndex}
                  valueText={formatParamValue('attackMs', mine.attackMs)}
                  onInput={(v) => set({ attackMs: ATTACK_STEPS_MS[v] ?? mine.attackMs })}
                />
                <Slider
                  id={`${uid}-release`}
                  label="Your release"
                  min={0}
                  max={RELEASE_STEPS_MS.length - 1}
                  step={1}
                  value={releaseIndex}
                  valueText={formatParamValue('releaseMs', mine.releaseMs)}
                  onInput={(v) => set({ releaseMs: RELEASE_STEPS_MS[v] ?? mine.releaseMs })}
                />
              </>
            )}
          </div>
          <button type="button" class="cl-button" onClick={check}>
            Check my match
          </button>
        </>
      )}
      <p class="cl-desc cl-practice-status" role="status" aria-live="polite">
        {shown}
      </p>
      {error && (
        <p class="cl-desc" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
