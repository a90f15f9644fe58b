/**
 * The learner's practice record, kept in the browser only (localStorage; nothing is sent anywhere). The stored
 * value is versioned and checked field by field on load: a value that is absent, unreadable, of another version
 * or of the wrong shape is replaced by an empty record, with a message saying so; nothing half-valid is kept.
 */
import { isDrillId, type DrillId } from './drills';

export const PROGRESS_KEY = 'compressor-lab:practice';
export const PROGRESS_VERSION = 1;

export interface DrillResult {
  /** When it finished, ms since 1970. */
  atMs: number;
  clipId: string;
  /** The staircase threshold, in the drill's unit. */
  threshold: number;
  trials: number;
}

export interface MatchResult {
  atMs: number;
  clipId: string;
  /** RMS level difference, dB. */
  errorDb: number;
  /** Partial credit, 0..1. */
  credit: number;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  drills: Record<DrillId, DrillResult[]>;
  matches: MatchResult[];
  /** Misconception checks: question id → answered right at the first try. */
  checks: Record<string, boolean>;
}

/** Results kept per list (the oldest are dropped). */
export const KEEP_RESULTS = 50;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, drills: { reduction: [], attack: [] }, matches: [], checks: {} };
}

/** The part of Storage the store uses (localStorage in the browser, a Map-backed fake in tests). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function isDrillResult(x: unknown): x is DrillResult {
  return isRecord(x) && isNum(x.atMs) && typeof x.clipId === 'string' && isNum(x.threshold) && isNum(x.trials);
}

function isMatchResult(x: unknown): x is MatchResult {
  return isRecord(x) && isNum(x.atMs) && typeof x.clipId === 'string' && isNum(x.errorDb) && isNum(x.credit);
}

/** The value as a Progress, or the reason it is not one. */
export function validateProgress(value: unknown): { ok: true; progress: Progress } | { ok: false; reason: string } {
  if (!isRecord(value)) return { ok: false, reason: 'it is not a practice record' };
  if (value.version !== PROGRESS_VERSION)
    return { ok: false, reason: `it was saved by another version of the site (${String(value.version)})` };
  const { drills, matches, checks } = value;
  if (!isRecord(drills) || !Object.keys(drills).every(isDrillId))
    return { ok: false, reason: 'its drill results are damaged' };
  const lists = { reduction: drills.reduction ?? [], attack: drills.attack ?? [] };
  if (!Object.values(lists).every((l) => Array.isArray(l) && l.every(isDrillResult)))
    return { ok: false, reason: 'its drill results are damaged' };
  if (!Array.isArray(matches) || !matches.every(isMatchResult))
    return { ok: false, reason: 'its match results are damaged' };
  if (!isRecord(checks) || !Object.values(checks).every((v) => typeof v === 'boolean'))
    return { ok: false, reason: 'its question answers are damaged' };
  return {
    ok: true,
    progress: {
      version: PROGRESS_VERSION,
      drills: lists as Progress['drills'],
      matches,
      checks: checks as Record<string, boolean>,
    },
  };
}

export interface LoadedProgress {
  progress: Progress;
  /** Why the saved record was not used, for the learner; null when it loaded (or there was none). */
  notice: string | null;
}

export function loadProgress(storage: ProgressStorage | null): LoadedProgress {
  if (!storage) return { progress: emptyProgress(), notice: 'This browser does not keep practice results.' };
  let text: string | null;
  try {
    text = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: emptyProgress(), notice: 'This browser does not let the site keep practice results.' };
  }
  if (text === null) return { progress: emptyProgress(), notice: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const checked =
    value === undefined ? { ok: false as const, reason: 'it could not be read' } : validateProgress(value);
  if (checked.ok) return { progress: checked.progress, notice: null };
  storage.removeItem(PROGRESS_KEY);
  return {
    progress: emptyProgress(),
    notice: `Your saved practice could not be used (${checked.reason}), so it starts afresh.`,
  };
}

/** Saves the record; false when the browser refused (private mode, storage full). */
export function saveProgress(storage: ProgressStorage | null, progress: Progress): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

export function resetProgress(storage: ProgressStorage | null): void {
  try {
    storage?.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing stored that could be removed.
  }
}

const keepLast = <T>(list: readonly T[], item: T): T[] => [...list, item].slice(-KEEP_RESULTS);

export function withDrillResult(p: Progress, drill: DrillId, result: DrillResult): Progress {
  return { ...p, drills: { ...p.drills, [drill]: keepLast(p.drills[drill], result) } };
}

export function withMatchResult(p: Progress, result: MatchResult): Progress {
  return { ...p, matches: keepLast(p.matches, result) };
}

/** Records a question's first answer only: a later try does not overwrite it. */
export function withCheckAnswer(p: Progress, questionId: string, right: boolean): Progress {
  if (Object.hasOwn(p.checks, questionId)) return p;
  return { ...p, checks: { ...p.checks, [questionId]: right } };
}

/** A one-line summary of the record (the practice page and the lessons show it). */
export function summarizeProgress(p: Progress): string {
  const runs = p.drills.reduction.length + p.drills.attack.length;
  const answered = Object.keys(p.checks).length;
  if (runs === 0 && p.matches.length === 0 && answered === 0) return 'No practice yet.';
  const parts = [
    `${runs} listening drill${runs === 1 ? '' : 's'} finished`,
    `${p.matches.length} compressor${p.matches.length === 1 ? '' : 's'} matched`,
    `${Object.values(p.checks).filter(Boolean).length} of ${answered} question${answered === 1 ? '' : 's'} right first time`,
  ];
  return `${parts.join(', ')}.`;
}
