/**
 * A learner's own audio file → a LoadedClip, without the file leaving the browser (no request carries it):
 *
 *   File ─► first 1 MB ─► sniffAudio (kind, stated rate) ─► WAV: readWavLayout here, samples in the Worker
 *                                                       └─► other: decodeAudioData in an OfflineAudioContext at
 *                                                           the file's own rate (the browser decodes off the main
 *                                                           thread), channels copied out ─► the Worker's checks
 *   ─► LoadedClip (the file's own sample rate, stereo at most, notes for the learner) or a UserFileError.
 *
 * decodeAudioData resamples to its context's rate, so the context is made at the rate the file's header states
 * (audio-sniff.ts); only when no rate can be read (e.g. WebM) is 48 kHz used, and the clip's notes say so.
 */
import { readWavLayout, WavError, type ByteReader, type WavLayout } from '../io/wav';
import { sniffAudio, type Sniffed } from '../io/audio-sniff';
import { batch } from '@preact/signals';
import { addSpareCopies, registerLocalClip, type ClipSlot, type LoadedClip } from './clips';
import { MAX_DURATION_S, MAX_ENCODED_BYTES, MESSAGES, OWN_CLIP_ID, UserFileError, textStart } from './user-file-check';
import type { FromUserFileWorker, ToUserFileWorker } from './user-file-protocol';
import workerUrl from './user-file.worker.ts?worker&url';

const HEAD_BYTES = 1 << 20;
const FALLBACK_RATE = 48000;

function rateSupported(rate: number): boolean {
  try {
    void new OfflineAudioContext(1, 1, rate);
    return true;
  } catch {
    return false;
  }
}

/** The sample rates this browser's audio contexts accept (probed: Chromium 3–768 kHz, Firefox 8–192 kHz). */
function supportedRange(): { min: number; max: number } {
  return {
    min: [3000, 8000, 16000, 22050, 44100].find(rateSupported) ?? 44100,
    max: [768000, 384000, 192000, 96000, 48000].find(rateSupported) ?? 48000,
  };
}

function checkRate(name: string, rate: number): void {
  if (!rateSupported(rate)) throw new UserFileError(MESSAGES.rate(name, rate, supportedRange()));
}

/** The WAV layout from the file's first MB, every failure worded for the learner. */
function wavLayout(name: string, head: Uint8Array, fileBytes: number): WavLayout {
  const read: ByteReader = (at, length) => {
    if (at + length > head.byteLength && head.byteLength < fileBytes) {
      throw new WavError('the chunks before its audio are larger than 1 MB');
    }
    const end = Math.min(head.byteLength, at + length);
    return new DataView(head.buffer, head.byteOffset + Math.min(at, end), Math.max(0, end - at));
  };
  try {
    return readWavLayout(read, fileBytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/unsupported WAV encoding|inconsistent block size|no channels|sample rate is 0/.test(reason)) {
      throw new UserFileError(MESSAGES.unsupportedWav(name, reason));
    }
    const why = error instanceof RangeError ? 'it ends inside a chunk header' : reason;
    throw new UserFileError(MESSAGES.headerCut(name, fileBytes, why));
  }
}

function runWorker(msg: ToUserFileWorker, transfer: Transferable[], onProgress: (f: number) => void) {
  return new Promise<{ sampleRate: number; channels: Float32Array[]; spares: Float32Array[][]; notes: string[] }>(
    (resolve, reject) => {
      const worker = new Worker(workerUrl, { type: 'module', name: 'compressor-lab-own-file' });
      worker.onmessage = (event: MessageEvent<FromUserFileWorker>) => {
        const reply = event.data;
        if (reply.type === 'progress') {
          onProgress(reply.fraction);
          return;
        }
        worker.terminate();
        if (reply.type === 'error') reject(new UserFileError(reply.message));
        else resolve(reply);
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new UserFileError(`“${msg.name}” could not be read: ${event.message || 'the decoder stopped'}.`));
      };
      worker.postMessage(msg, transfer);
    },
  );
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function decodeWithBrowser(
  name: string,
  file: File,
  sniffedHead: Sniffed,
  onProgress: (f: number | null) => void,
): Promise<{ msg: ToUserFileWorker; transfer: Transferable[] }> {
  if (file.size > MAX_ENCODED_BYTES) throw new UserFileError(MESSAGES.tooLarge(name, file.size));
  const bytes = await file.arrayBuffer();
  // An MPEG-4 file may keep its sample entry at the end: look through all of it.
  const sniffed = sniffedHead.kind === 'm4a' ? sniffAudio(new Uint8Array(bytes)) : sniffedHead;
  const notes: string[] = [];
  const sampleRate = sniffed.sampleRate ?? FALLBACK_RATE;
  checkRate(name, sampleRate);
  onProgress(null);
  let buffer: AudioBuffer;
  try {
    buffer = await new OfflineAudioContext(1, 1, sampleRate).decodeAudioData(bytes);
  } catch {
    throw new UserFileError(MESSAGES.undecodable(name, sniffed.kind));
  }
  if (buffer.duration > MAX_DURATION_S) throw new UserFileError(MESSAGES.tooLong(name, buffer.duration));
  if (sniffed.sampleRate === null) notes.push(MESSAGES.guessedRate(name, sampleRate));
  // Copy each channel out of the AudioBuffer (its own memory cannot be transferred), one task per channel.
  const channels: Float32Array[] = [];
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const data = new Float32Array(buffer.length);
    buffer.copyFromChannel(data, c);
    channels.push(data);
    await nextTask();
  }
  const msg: ToUserFileWorker = { type: 'check', id: 1, name, channels, sampleRate: buffer.sampleRate, notes };
  return { msg, transfer: channels.map((c) => c.buffer) };
}

/**
 * Decode and check a learner's file. Progress is 0..1 while WAV samples are read, null while the browser
 * decodes. Throws UserFileError with a message naming the file and the problem.
 */
export async function decodeUserFile(file: File, onProgress: (fraction: number | null) => void): Promise<LoadedClip> {
  const name = file.name || 'your file';
  if (file.size === 0) throw new UserFileError(MESSAGES.empty(name));
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const sniffed = sniffAudio(head);
  const riff = String.fromCharCode(...head.subarray(0, 4)) === 'RIFF';
  if (riff && sniffed.kind !== 'wav') throw new UserFileError(MESSAGES.headerCut(name, file.size, 'no WAVE header'));
  if (sniffed.kind === 'text') throw new UserFileError(MESSAGES.text(name, textStart(head)));
  let job: { msg: ToUserFileWorker; transfer: Transferable[] };
  if (sniffed.kind === 'wav') {
    const layout = wavLayout(name, head, file.size);
    checkRate(name, layout.sampleRate);
    if (layout.frames === 0) throw new UserFileError(MESSAGES.zeroLength(name));
    const durationS = layout.frames / layout.sampleRate;
    if (durationS > MAX_DURATION_S) throw new UserFileError(MESSAGES.tooLong(name, durationS));
    const notes =
      layout.declaredFrames > layout.frames
        ? [MESSAGES.dataCut(name, layout.declaredFrames / layout.sampleRate, durationS)]
        : [];
    job = { msg: { type: 'wav', id: 1, name, file, layout, notes }, transfer: [] };
  } else {
    job = await decodeWithBrowser(name, file, sniffed, onProgress);
  }
  const done = await runWorker(job.msg, job.transfer, onProgress);
  const frames = done.channels[0]?.length ?? 0;
  const clip: LoadedClip = {
    id: OWN_CLIP_ID,
    title: name,
    sampleRate: done.sampleRate,
    channels: done.channels,
    durationS: frames / done.sampleRate,
    notes: done.notes,
  };
  addSpareCopies(clip, done.spares);
  return clip;
}

/**
 * The learner's message for a file that could not be used: the specific reason (a UserFileError's own words),
 * then what stays loaded (`keptTitle`, kept by `keeper`: "The lab", "The drill").
 */
export function refusalMessage(error: unknown, title: string, keptTitle: string | null, keeper?: string): string {
  const reason =
    error instanceof UserFileError
      ? error.message
      : `“${title}” could not be used: ${error instanceof Error ? error.message : String(error)}.`;
  return `${reason}${MESSAGES.kept(keptTitle, keeper)}`;
}

/**
 * Make a learner's file the lab's clip. While it decodes, lab.loading says so (with progress); on success it
 * becomes the clip (and stays in the clip menu as "own-file"); on failure lab.error says why, and the clip the
 * lab had stays loaded and playing. Returns whether the file was taken.
 */
export async function openUserFile(lab: ClipSlot, file: File): Promise<boolean> {
  const title = file.name || 'your file';
  const before = lab.clipId.peek();
  lab.loading.value = { id: OWN_CLIP_ID, title, progress: 0 };
  try {
    const clip = await decodeUserFile(file, (progress) => {
      if (lab.loading.peek()?.id === OWN_CLIP_ID) lab.loading.value = { id: OWN_CLIP_ID, title, progress };
    });
    registerLocalClip(clip);
    // Another clip chosen meanwhile wins; the file waits in the menu. The clip is set before its id, so the
    // clip loader finds it in place.
    if (lab.clipId.peek() === before || lab.clipId.peek() === OWN_CLIP_ID) {
      batch(() => {
        lab.error.value = null;
        lab.clip.value = clip;
        lab.clipId.value = OWN_CLIP_ID;
      });
    }
    return true;
  } catch (error) {
    lab.error.value = refusalMessage(error, title, lab.clip.peek()?.title ?? null);
    return false;
  } finally {
    if (lab.loading.peek()?.id === OWN_CLIP_ID) lab.loading.value = null;
  }
}
