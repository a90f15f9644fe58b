/**
 * Decode Worker for a learner's own file (user-file.ts runs one per page, on demand):
 *
 *   'wav'   File + its layout (read on the main thread) ─► samples read in ~1 MB slices (FileReaderSync)
 *           ─► decodeFrames (src/io/wav.ts: exact, the file's own rate, any channel count), progress per slice
 *   'check' channels decoded by the browser (decodeAudioData) ─► the same checks below
 *   then:   more than two channels ─► stereo mix (user-file-check.ts) · zero length, digital silence ─► refused
 *
 * The channels go back transferred (no copy), with two spare copies the render Workers take by transfer (copying
 * 10 minutes of audio on the main thread would block it); nothing here touches the network.
 */
import { decodeFrames, type WavLayout } from '../io/wav';
import { checkDecoded, downmixToStereo, MESSAGES, UserFileError } from './user-file-check';
import type { FromUserFileWorker, ToUserFileWorker } from './user-file-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToUserFileWorker>) => void) | null;
  postMessage(message: FromUserFileWorker, transfer?: Transferable[]): void;
}

/** Workers' synchronous file reader (lib.webworker; this project type-checks against lib.dom). */
declare class FileReaderSync {
  readAsArrayBuffer(blob: Blob): ArrayBuffer;
}

const scope = self as unknown as WorkerScope;
const SLICE_BYTES = 1 << 20;

function decodeWavFile(id: number, file: Blob, layout: WavLayout): Float32Array[] {
  const channels = Array.from({ length: layout.channelCount }, () => new Float32Array(layout.frames));
  const reader = new FileReaderSync();
  const framesPerSlice = Math.max(1, Math.floor(SLICE_BYTES / layout.blockAlign));
  for (let at = 0; at < layout.frames; at += framesPerSlice) {
    const count = Math.min(framesPerSlice, layout.frames - at);
    const start = layout.dataOffset + at * layout.blockAlign;
    const bytes = new Uint8Array(reader.readAsArrayBuffer(file.slice(start, start + count * layout.blockAlign)));
    if (bytes.byteLength < count * layout.blockAlign) throw new Error('the file could not be read to its end');
    decodeFrames(layout, bytes, count, channels, at);
    scope.postMessage({ type: 'progress', id, fraction: (at + count) / layout.frames });
  }
  return channels;
}

function finish(id: number, name: string, decoded: Float32Array[], sampleRate: number, notes: string[]): void {
  let channels = decoded;
  if (channels.length > 2) {
    const mixed = downmixToStereo(channels);
    channels = mixed.channels;
    notes.push(MESSAGES.downmix(name, decoded.length, mixed.how));
  }
  checkDecoded(name, channels, sampleRate);
  // Two copies more, one for each render Worker (render.ts), copied here rather than on the main thread.
  const spares = [0, 1].map(() => channels.map((c) => c.slice()));
  const transfer = [...channels, ...spares.flat()].map((c) => c.buffer as ArrayBuffer);
  scope.postMessage({ type: 'done', id, sampleRate, channels, spares, notes }, transfer);
}

scope.onmessage = (event) => {
  const msg = event.data;
  try {
    if (msg.type === 'wav') {
      finish(msg.id, msg.name, decodeWavFile(msg.id, msg.file, msg.layout), msg.layout.sampleRate, msg.notes);
    } else {
      finish(msg.id, msg.name, msg.channels, msg.sampleRate, msg.notes);
    }
  } catch (error) {
    const message =
      error instanceof UserFileError
        ? error.message
        : `“${msg.name}” could not be read: ${error instanceof Error ? error.message : String(error)}.`;
    scope.postMessage({ type: 'error', id: msg.id, message });
  }
};
