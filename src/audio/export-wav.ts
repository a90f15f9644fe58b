/**
 * The compressed audio as a 32-bit float WAV Blob, the same file the command line writes (src/io/wav.ts's header
 * and interleaving): the render is time-aligned with the input (lookahead delay removed, as the command line
 * does) and keeps the clip's own sample rate. Interleaving runs in slices of ~25 ms with a task between them, so a
 * 10-minute file never blocks the page.
 */
import { interleaveFloat32, wavFloat32Header } from '../io/wav';

const SLICE_FRAMES = 1 << 16;
const BUDGET_MS = 25;

export async function wavBlob(channels: readonly Float32Array[], sampleRate: number): Promise<Blob> {
  const n = channels.length;
  const frames = channels[0]?.length ?? 0;
  const parts: BlobPart[] = [wavFloat32Header(n, sampleRate, frames) as Uint8Array<ArrayBuffer>];
  let sliceStart = performance.now();
  for (let at = 0; at < frames; at += SLICE_FRAMES) {
    const count = Math.min(SLICE_FRAMES, frames - at);
    const bytes = new Uint8Array(count * n * 4);
    interleaveFloat32(channels, at, count, bytes, 0);
    parts.push(bytes);
    if (performance.now() - sliceStart > BUDGET_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  return new Blob(parts, { type: 'audio/wav' });
}

/** "take 3.flac" → "take 3 (compressed).wav". */
export function exportName(title: string): string {
  const stem = title.replace(/\.[a-z0-9]{1,5}$/i, '').trim() || 'audio';
  return `${stem} (compressed).wav`;
}
