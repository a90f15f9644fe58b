/**
 * "Your own file": a button that opens the file picker, the drop target's hint and the privacy promise, and the
 * notes that belong to the learner's loaded file (mixed down, cut short …). The file is decoded in the browser by
 * src/audio/user-file.ts; the Player makes its whole box a drop target (useLabFileDrop).
 */
import type { Ref } from 'preact';
import { openUserFile } from '../../audio/user-file';
import { MAX_DURATION_S, OWN_CLIP_ID } from '../../audio/user-file-check';
import type { Lab } from '../../state/lab';
import { ACCEPT, PRIVACY_TEXT, useFileDrop } from '../shared/file-drop';

interface Props {
  lab: Lab;
  inputRef: Ref<HTMLInputElement>;
  hintId: string;
  openPicker: () => void;
}

export function OwnFile({ lab, inputRef, hintId, openPicker }: Props) {
  const clip = lab.clip.value;
  const notes = clip?.id === OWN_CLIP_ID ? (clip.notes ?? []) : [];
  return (
    <div class="cl-own">
      <div class="cl-player-row">
        <button type="button" class="cl-own-open" aria-describedby={hintId} onClick={openPicker}>
          Open your own file…
        </button>
        <input
          ref={inputRef}
          type="file"
          accept={ACCEPT}
          class="cl-own-input"
          aria-label="Your own audio file"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void openUserFile(lab, file);
          }}
        />
        <span id={hintId} class="cl-own-hint">
          or drop one on the player: WAV, FLAC, MP3, Ogg or M4A, up to {MAX_DURATION_S / 60} minutes. {PRIVACY_TEXT}
        </span>
      </div>
      {notes.map((note) => (
        <p key={note} class="cl-own-note" role="status">
          {note}
        </p>
      ))}
    </div>
  );
}

/** The player's box as a drop target: a dropped file is opened into the lab. */
export function useLabFileDrop(lab: Lab, enabled: boolean) {
  return useFileDrop((file) => void openUserFile(lab, file), enabled);
}
