/**
 * "Your own file": a button that opens the file picker, the drop target's hint and the privacy promise, and the
 * notes that belong to the learner's loaded file (mixed down, cut short …). The file is decoded in the browser by
 * src/audio/user-file.ts; the Player makes its whole box a drop target (useFileDrop).
 */
import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import { openUserFile } from '../../audio/user-file';
import { MAX_DURATION_S, OWN_CLIP_ID } from '../../audio/user-file-check';
import type { Lab } from '../../state/lab';

/** File types offered by the picker (any other file can still be chosen with "All files", or dropped). */
export const ACCEPT = 'audio/*,.wav,.flac,.mp3,.ogg,.oga,.opus,.m4a,.aac,.webm';

export const PRIVACY_TEXT = 'Your file never leaves this browser: it is decoded and compressed here, not uploaded.';

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

/** Drag-and-drop of a file onto an element: returns whether a file is being dragged over it and the handlers. */
export function useFileDrop(lab: Lab, enabled: boolean) {
  const [over, setOver] = useState(false);
  if (!enabled) return { over: false, handlers: {} };
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      },
      onDragLeave: (e: DragEvent) => {
        const to = e.relatedTarget;
        if (!(to instanceof Node) || !(e.currentTarget as HTMLElement).contains(to)) setOver(false);
      },
      onDrop: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) void openUserFile(lab, file);
      },
    },
  };
}
