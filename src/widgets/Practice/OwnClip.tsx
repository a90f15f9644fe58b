/**
 * "Your own file…" in a practice drill's clip chooser: the picker button, the drop hint with the privacy promise,
 * and the reading/refusal messages. The file is decoded and checked by src/audio/user-file.ts (the lab's path, the
 * lab's messages); a file the drill cannot use leaves the drill on the clip it had. The file stays in this
 * widget's memory only (not in the site's clip list, not in the practice record).
 */
import { useRef, useState } from 'preact/hooks';
import type { LoadedClip } from '../../audio/clips';
import { decodeUserFile, refusalMessage } from '../../audio/user-file';
import { MAX_DURATION_S, OWN_CLIP_ID, UserFileError } from '../../audio/user-file-check';
import { ACCEPT, PRIVACY_TEXT, useFileDrop } from '../shared/file-drop';
import { useEmbedOptions } from '../shared/embed-options-context';
import type { ClipChoice } from './clip-choices';
import { EXCERPT_S, excerptProblem } from './alternatives';

/** Said beside a result measured on the learner's file, which the practice record does not keep. */
export const OWN_RESULT_NOTE =
  'This result on your own file is not added to your practice record, which keeps the site’s clips only, so that its results stay comparable.';

export interface OwnClip {
  /** The learner's file, once one was taken. */
  clip: LoadedClip | null;
  /** Whether the drill's clip is the learner's file. */
  isOwn: boolean;
  /** The drill's clip's title (the file's name for the learner's file). */
  title: string;
  /** Whether the widget offers it (an embed's hide=file or hide=clip leaves it out). */
  offered: boolean;
  reading: string | null;
  error: string | null;
  open: (file: File) => void;
  /** The shipped clips, and the learner's file after them once there is one. */
  withOwn: (choices: readonly ClipChoice[]) => ClipChoice[];
}

/**
 * The learner's file for one drill whose clip is `clipId` among the shipped `choices`. `onTaken` hears a file that
 * was taken (the drill selects it). A refusal names the clip the drill keeps.
 */
export function useOwnClip(clipId: string, choices: readonly ClipChoice[], onTaken: () => void): OwnClip {
  const { hide } = useEmbedOptions();
  const [clip, setClip] = useState<LoadedClip | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isOwn = clipId === OWN_CLIP_ID && clip !== null;
  const title = isOwn ? clip.title : (choices.find((c) => c.id === clipId)?.title ?? clipId);
  const kept = useRef(title);
  kept.current = title;
  const open = (file: File) => {
    const name = file.name || 'your file';
    setError(null);
    setReading(`Reading “${name}”…`);
    decodeUserFile(file, () => undefined)
      .then((decoded) => {
        const problem = excerptProblem(name, decoded.channels, decoded.sampleRate);
        if (problem) throw new UserFileError(problem);
        setClip(decoded);
        onTaken();
      })
      .catch((e: unknown) => setError(refusalMessage(e, name, kept.current, 'The drill')))
      .finally(() => setReading(null));
  };
  return {
    clip,
    isOwn,
    title,
    offered: !hide.includes('file') && !hide.includes('clip'),
    reading,
    error,
    open,
    withOwn: (choices) => (clip ? [...choices, { id: OWN_CLIP_ID, title: `Your file “${clip.title}”` }] : [...choices]),
  };
}

/** The whole drill as a drop target while its clip can be chosen. */
export function useOwnClipDrop(own: OwnClip, enabled: boolean) {
  return useFileDrop(own.open, enabled && own.offered);
}

/** The picker button, the hint, and what happened to the last file. */
export function OwnClipPick({ own, hintId }: { own: OwnClip; hintId: string }) {
  const input = useRef<HTMLInputElement>(null);
  if (!own.offered) return null;
  return (
    <div class="cl-practice-own">
      <button type="button" class="cl-button" aria-describedby={hintId} onClick={() => input.current?.click()}>
        Your own file…
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label="Your own audio file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) own.open(file);
        }}
      />
      <span id={hintId} class="cl-practice-own-hint">
        or drop one on this drill: WAV, FLAC, MP3, Ogg or M4A, up to {MAX_DURATION_S / 60} minutes; the drill plays its
        first {EXCERPT_S} seconds. {PRIVACY_TEXT}
      </span>
      {own.reading && (
        <p class="cl-desc" role="status">
          {own.reading}
        </p>
      )}
      {own.error && (
        <p class="cl-desc cl-practice-own-error" role="alert">
          {own.error}
        </p>
      )}
      {own.clip?.notes?.map((note) => (
        <p key={note} class="cl-desc">
          {note}
        </p>
      ))}
    </div>
  );
}
