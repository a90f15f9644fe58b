/**
 * Makes a test signal the clip of a lab, exactly as a decoded clip would be: the render pipeline compresses it
 * and every view plots it. The clip is set before its id, so the clip loader never looks for it in the manifest.
 */
import { batch } from '@preact/signals';
import type { Lab } from '../../state/lab';
import { testSignal, type TestSignalId } from './test-signals';

const cache = new Map<TestSignalId, ReturnType<typeof testSignal>>();

export function setTestSignalClip(lab: Lab, id: TestSignalId): void {
  if (lab.clip.peek()?.id === id) return;
  let clip = cache.get(id);
  if (!clip) {
    clip = testSignal(id);
    cache.set(id, clip);
  }
  const chosen = clip;
  batch(() => {
    lab.error.value = null;
    lab.clip.value = chosen;
    lab.clipId.value = id;
  });
}
