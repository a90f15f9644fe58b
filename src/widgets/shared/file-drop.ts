/**
 * What every "your own file" offer shares (the lab's player and the practice drills): the picker's file types, the
 * privacy promise, and drag-and-drop of a file onto an element. Decoding and its messages are src/audio/user-file.ts.
 */
import { useState } from 'preact/hooks';

/** File types offered by the picker (any other file can still be chosen with "All files", or dropped). */
export const ACCEPT = 'audio/*,.wav,.flac,.mp3,.ogg,.oga,.opus,.m4a,.aac,.webm';

export const PRIVACY_TEXT = 'Your file never leaves this browser: it is decoded and compressed here, not uploaded.';

/** Drag-and-drop of a file onto an element: whether a file is being dragged over it, and the element's handlers. */
export function useFileDrop(onFile: (file: File) => void, enabled: boolean) {
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
        if (file) onFile(file);
      },
    },
  };
}
