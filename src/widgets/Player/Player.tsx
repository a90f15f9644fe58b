/**
 * Player island: play/pause, loop, seek, clip chooser, A/B/Removed, Match loudness, gain-reduction meter.
 * Thin view: the engine (src/audio/engine.ts) does the audio, model.ts the texts and key handling.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { acquireEngine, NO_WORKLET_MESSAGE, type PlayerEngine } from '../../audio/engine';
import { loadManifest } from '../../audio/clips';
import { audioWorkletSupported } from '../../audio/context';
import { deltaLu } from '../../audio/matching';
import type { Lab } from '../../state/lab';
import { useLab } from '../shared/use-lab';
import { useUrlState } from '../shared/use-url-state';
import { LinkNotice } from '../shared/LinkNotice';
import { useInstanceId } from '../shared/use-instance-id';
import { useEmbedOptions } from '../shared/embed-options-context';
import { GainReductionMeter } from './GainReductionMeter';
import { OwnFile, useLabFileDrop } from './OwnFile';
import { Export } from './Export';
import { localClip } from '../../audio/clips';
import { OWN_CLIP_ID } from '../../audio/user-file-check';
import {
  KEY_HINT,
  LISTEN_OPTIONS,
  deltaText,
  formatTime,
  loadingText,
  nextAB,
  positionText,
  shortcutFor,
  shownDeltaLu,
} from './model';
import './Player.css';
import './own-file.css';

export interface PlayerProps {
  group?: string;
  /** Clip ids to offer (default: every clip in the manifest). */
  clips?: string[];
  /** Show the measured ΔLU beside "Match loudness" (default true; an exercise hides it until its check). */
  showDelta?: boolean;
  /** Offer "Your own file" (open or drop) and the export (default true). */
  ownFile?: boolean;
}

interface ClipChoice {
  id: string;
  title: string;
}

let keyboardOwner: symbol | null = null;

function useKeyboard(lab: Lab, engine: { current: PlayerEngine | null }, listenHidden: boolean): void {
  useEffect(() => {
    if (keyboardOwner) return undefined;
    const token = Symbol('player-keys');
    keyboardOwner = token;
    const onKey = (event: KeyboardEvent): void => {
      if (event.repeat || event.defaultPrevented) return;
      const el = event.target instanceof HTMLElement ? event.target : document.body;
      const action = shortcutFor(
        event.key,
        {
          tagName: el.tagName,
          type: el.getAttribute('type'),
          role: el.getAttribute('role'),
          isContentEditable: el.isContentEditable,
        },
        { ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey },
      );
      // An embed that hides the listen modes (hide=listen) keeps the learner on them: no B switch either.
      if (!action || (action !== 'toggle-play' && listenHidden)) return;
      event.preventDefault();
      if (action === 'toggle-play') void engine.current?.toggle();
      else lab.listenTo.value = nextAB(lab.listenTo.value);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (keyboardOwner === token) keyboardOwner = null;
    };
  }, [lab, engine, listenHidden]);
}

export default function Player({ group = 'default', clips, showDelta = true, ownFile = true }: PlayerProps) {
  // The lab's clip is loaded and rendered by the shared audio connection; the page URL (clip, settings) by the
  // shared URL binding, which also says what a link asked for that could not be used.
  const lab = useLab(group, true);
  useUrlState(lab);
  const engine = useRef<PlayerEngine | null>(null);
  const [choices, setChoices] = useState<ClipChoice[]>([]);
  const [supported, setSupported] = useState(true);
  const id = useInstanceId('player');
  const { hide } = useEmbedOptions();
  const clipsKey = clips?.join(',') ?? '';
  const fileInput = useRef<HTMLInputElement>(null);
  const offerFile = ownFile && !hide.includes('clip') && !hide.includes('file');
  const drop = useLabFileDrop(lab, offerFile);

  useEffect(() => {
    const held = acquireEngine(lab);
    engine.current = held.engine;
    setSupported(audioWorkletSupported());
    return () => {
      held.release();
      engine.current = null;
    };
  }, [lab]);

  useEffect(() => {
    let live = true;
    loadManifest()
      .then((manifest) => {
        if (!live) return;
        const wanted = clipsKey ? clipsKey.split(',') : null;
        const offered = manifest.clips.filter((c) => !wanted || wanted.includes(c.id));
        setChoices(offered.map((c) => ({ id: c.id, title: c.title })));
        // A clip this player does not offer is replaced by its first one (the audio connection loads it).
        const first = offered[0];
        const current = lab.clipId.peek();
        if (first && current !== OWN_CLIP_ID && !offered.some((c) => c.id === current)) lab.clipId.value = first.id;
      })
      .catch((error: unknown) => {
        if (live)
          lab.error.value = `The example clips could not be listed: ${error instanceof Error ? error.message : String(error)}.`;
      });
    return () => {
      live = false;
    };
  }, [lab, clipsKey]);

  useKeyboard(lab, engine, hide.includes('listen'));

  const clip = lab.clip.value;
  const playing = lab.playing.value;
  const loading = lab.loading.value;
  const durationS = clip?.durationS ?? 0;
  const playheadS = Math.min(lab.playheadS.value, durationS);
  const matchOn = lab.matchLoudness.value;
  const listenTo = lab.listenTo.value;
  const error = lab.error.value;
  const loadingTitle = loading?.title ?? choices.find((c) => c.id === loading?.id)?.title ?? loading?.id ?? '';
  const own = clip?.id === OWN_CLIP_ID ? clip : localClip(OWN_CLIP_ID);
  const openPicker = () => fileInput.current?.click();

  const delta = shownDeltaLu(lab.loudness.value, lab.loudnessOf.value, lab.render.value);
  const note = showDelta
    ? deltaText(delta, matchOn)
    : 'The measured difference stays hidden until you check your setting.';
  // While the next render's loudness is measured, the note keeps the room of the last reading (an invisible copy,
  // Player.css), so the controls below do not jump under a pointer dragging a slider.
  const last = showDelta && delta === null ? deltaLu(lab.loudness.value) : null;
  const reserve = last === null ? undefined : deltaText(last, matchOn);
  return (
    <div class={drop.over ? 'cl-player cl-player-drop' : 'cl-player'} {...drop.handlers}>
      {!supported && (
        <p role="alert" class="cl-player-message">
          {NO_WORKLET_MESSAGE}
        </p>
      )}
      {error && (
        <p role="alert" class="cl-player-message">
          {error}
        </p>
      )}
      <LinkNotice lab={lab} />
      <div class="cl-player-row">
        <button
          type="button"
          class="cl-player-play"
          disabled={!supported}
          onClick={() => void engine.current?.toggle()}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        {(choices.length > 1 || offerFile) && !hide.includes('clip') && (
          <label class="cl-player-field">
            Clip{' '}
            <select
              value={lab.clipId.value}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (value !== OWN_CLIP_ID || own) lab.clipId.value = value;
                else {
                  // No file yet: keep the current clip selected and open the picker.
                  e.currentTarget.value = lab.clipId.peek();
                  openPicker();
                }
              }}
            >
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
              {offerFile && (
                <option value={OWN_CLIP_ID}>{own ? `Your own file: ${own.title}` : 'Your own file…'}</option>
              )}
            </select>
          </label>
        )}
        <label class="cl-player-field">
          <input
            type="checkbox"
            checked={lab.loop.value}
            onChange={(e) => (lab.loop.value = e.currentTarget.checked)}
          />{' '}
          Loop
        </label>
      </div>
      <div class="cl-player-row">
        <input
          type="range"
          class="cl-player-timeline"
          aria-label="Position"
          min={0}
          max={durationS || 1}
          step={0.01}
          value={playheadS}
          disabled={!clip}
          aria-valuetext={positionText(playheadS, durationS)}
          onInput={(e) => engine.current?.seek(Number(e.currentTarget.value))}
        />
        <span class="cl-player-time" aria-hidden="true">
          {formatTime(playheadS)} / {formatTime(durationS)}
        </span>
      </div>
      <p role="status" class="cl-player-note">
        {loading ? loadingText(loadingTitle, loading.progress) : ''}
      </p>
      {offerFile && <OwnFile lab={lab} inputRef={fileInput} hintId={`${id}-own`} openPicker={openPicker} />}
      {!hide.includes('listen') && (
        <div class="cl-player-row">
          <div role="radiogroup" aria-labelledby={`${id}-listen`} class="cl-player-listen">
            <span id={`${id}-listen`} class="cl-player-legend">
              Listen to
            </span>
            {LISTEN_OPTIONS.map((option) => (
              <label key={option.value} title={option.hint}>
                <input
                  type="radio"
                  name={`${id}-listen-to`}
                  value={option.value}
                  checked={listenTo === option.value}
                  onChange={() => (lab.listenTo.value = option.value)}
                />{' '}
                {option.label}
              </label>
            ))}
          </div>
        </div>
      )}
      <div class="cl-player-row">
        <button
          type="button"
          role="switch"
          aria-checked={matchOn}
          class="cl-player-switch"
          onClick={() => (lab.matchLoudness.value = !matchOn)}
        >
          <span class="cl-player-switch-track" aria-hidden="true" />
          Match loudness
        </button>
        <span class="cl-player-note" role="status" data-reserve={reserve}>
          <span class="cl-player-note-text">{note}</span>
        </span>
      </div>
      <GainReductionMeter lab={lab} />
      {offerFile && <Export lab={lab} />}
      <p class="cl-player-keys">
        Keys: <kbd>{KEY_HINT.space}</kbd> {KEY_HINT.spaceAction} ({KEY_HINT.spaceException})
        {hide.includes('listen') ? (
          '.'
        ) : (
          <>
            {' '}
            · <kbd>{KEY_HINT.b}</kbd> {KEY_HINT.bAction}. “Removed” plays what the compressor took away.
          </>
        )}
      </p>
    </div>
  );
}
