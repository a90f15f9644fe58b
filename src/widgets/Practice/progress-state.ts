/**
 * The page's practice record as a signal, shared by every practice island on the page (the drills write it, the
 * progress panel and the lesson footers read it). Loaded from localStorage on first use, saved on every change.
 */
import { signal } from '@preact/signals';
import {
  emptyProgress,
  loadProgress,
  resetProgress,
  saveProgress,
  type Progress,
  type ProgressStorage,
} from '../../lib/practice/progress';

const progress = signal<Progress>(emptyProgress());
/** Why the saved record was not used (or could not be saved), for the learner; null when all is well. */
const notice = signal<string | null>(null);
let loaded = false;

function storage(): ProgressStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The record and its notice, loaded on first call. */
export function practiceProgress() {
  if (!loaded) {
    loaded = true;
    const result = loadProgress(storage());
    progress.value = result.progress;
    notice.value = result.notice;
  }
  return { progress, notice };
}

/** Applies a change to the record and saves it. */
export function updateProgress(change: (p: Progress) => Progress): void {
  const { progress: p } = practiceProgress();
  p.value = change(p.value);
  if (!saveProgress(storage(), p.value)) notice.value = 'This browser did not let the site save your practice results.';
}

export function clearProgress(): void {
  resetProgress(storage());
  practiceProgress();
  progress.value = emptyProgress();
  notice.value = null;
}
