import { describe, expect, it } from 'vitest';
import {
  KEEP_RESULTS,
  PROGRESS_KEY,
  emptyProgress,
  loadProgress,
  resetProgress,
  saveProgress,
  summarizeProgress,
  withCheckAnswer,
  withDrillResult,
  withMatchResult,
  type ProgressStorage,
} from '../../../src/lib/practice/progress';

function memoryStorage(initial?: string): ProgressStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(PROGRESS_KEY, initial);
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const result = { atMs: 1_700_000_000_000, clipId: 'drums', threshold: 2.5, trials: 41 };

describe('practice progress store', () => {
  it('starts empty, without a message, when nothing is stored', () => {
    expect(loadProgress(memoryStorage())).toEqual({ progress: emptyProgress(), notice: null });
    expect(summarizeProgress(emptyProgress())).toBe('No practice yet.');
  });

  it('round-trips what it saves', () => {
    const storage = memoryStorage();
    let p = withDrillResult(emptyProgress(), 'reduction', result);
    p = withMatchResult(p, { atMs: 1, clipId: 'vocal', errorDb: 1.2, credit: 0.8 });
    p = withCheckAnswer(p, 'attack-is-a-delay', true);
    expect(saveProgress(storage, p)).toBe(true);
    expect(loadProgress(storage)).toEqual({ progress: p, notice: null });
    expect(summarizeProgress(p)).toBe(
      '1 listening drill finished, 1 compressor matched, 1 of 1 question right first time.',
    );
  });

  it('keeps only the first answer to a question and the last 50 results of a list', () => {
    const p = withCheckAnswer(withCheckAnswer(emptyProgress(), 'q', false), 'q', true);
    expect(p.checks).toEqual({ q: false });
    let many = emptyProgress();
    for (let i = 0; i < KEEP_RESULTS + 5; i++) many = withDrillResult(many, 'attack', { ...result, trials: i });
    expect(many.drills.attack).toHaveLength(KEEP_RESULTS);
    expect(many.drills.attack[0]?.trials).toBe(5);
  });

  for (const [what, stored, reason] of [
    ['text that is not JSON', '{"version":1,"drills":', 'it could not be read'],
    [
      'a value of another version',
      JSON.stringify({ ...emptyProgress(), version: 0 }),
      'it was saved by another version of the site (0)',
    ],
    ['a number', '42', 'it is not a practice record'],
    [
      'a drill result with a text threshold',
      JSON.stringify(
        withDrillResult(emptyProgress(), 'reduction', { ...result, threshold: '2.5' as unknown as number }),
      ),
      'its drill results are damaged',
    ],
    [
      'an unknown drill',
      JSON.stringify({ ...emptyProgress(), drills: { loudness: [] } }),
      'its drill results are damaged',
    ],
    [
      'matches that are not a list',
      JSON.stringify({ ...emptyProgress(), matches: {} }),
      'its match results are damaged',
    ],
    [
      'an answer that is not true or false',
      JSON.stringify({ ...emptyProgress(), checks: { q: 'yes' } }),
      'its question answers are damaged',
    ],
  ] as const) {
    it(`replaces ${what} by an empty record, says why, and removes it`, () => {
      const storage = memoryStorage(stored);
      const loaded = loadProgress(storage);
      expect(loaded.progress).toEqual(emptyProgress());
      expect(loaded.notice).toBe(`Your saved practice could not be used (${reason}), so it starts afresh.`);
      expect(storage.map.has(PROGRESS_KEY)).toBe(false);
    });
  }

  it('reset removes the record; a storage that refuses is reported, not thrown', () => {
    const storage = memoryStorage();
    saveProgress(storage, withDrillResult(emptyProgress(), 'reduction', result));
    resetProgress(storage);
    expect(loadProgress(storage)).toEqual({ progress: emptyProgress(), notice: null });
    const refusing: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadProgress(refusing).notice).toBe('This browser does not let the site keep practice results.');
    expect(saveProgress(refusing, emptyProgress())).toBe(false);
    expect(() => resetProgress(refusing)).not.toThrow();
    expect(loadProgress(null).progress).toEqual(emptyProgress());
  });
});
