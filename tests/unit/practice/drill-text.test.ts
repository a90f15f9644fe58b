import { describe, expect, it } from 'vitest';
import { clipPhrase, DRILLS } from '../../../src/lib/practice/drills';
import { answer, startStaircase } from '../../../src/lib/practice/staircase';
import { answerLabel, seedFromSearch, verdictText } from '../../../src/widgets/Practice/drill-text';

describe('drill texts', () => {
  const s0 = startStaircase(DRILLS.reduction.staircase);

  it('says right or wrong, which one was compressed, and where the staircase goes next', () => {
    const s1 = answer(s0, true);
    expect(verdictText('reduction', 1, 1, 8, s1, 'the drum groove')).toBe(
      'Right: B was the compressed one (8.0 dB of gain reduction at most). The next trial stays at 8.0 dB of gain ' +
        'reduction at most; 2 more right in a row make it harder.',
    );
    const s3 = answer(answer(s1, true), true);
    expect(verdictText('reduction', 0, 0, 8, s3, 'the drum groove')).toContain(
      'The next trial is harder: 6.0 dB of gain reduction at most.',
    );
    expect(verdictText('reduction', 2, 0, 8, answer(s0, false), 'the drum groove')).toBe(
      'Not this time: you chose C, but A was the compressed one (8.0 dB of gain reduction at most). The next trial ' +
        'is easier: 10.0 dB of gain reduction at most.',
    );
  });

  it('reports the threshold in words when the staircase finishes', () => {
    let s = s0;
    // Alternate three right and one wrong until the tenth turning point.
    for (let i = 0; !s.done; i++) s = answer(s, i % 4 !== 3);
    expect(verdictText('reduction', 0, 0, s.trials.at(-1)?.stimulus ?? 0, s, 'the drum groove')).toMatch(
      /Drill finished\. You reliably hear about \d+\.\d dB of gain reduction on the drum groove \(right about 4 times in 5/,
    );
    expect(answerLabel('attack', 1)).toBe('B has the faster attack');
  });

  it('names the learner’s own file as it is, and a site clip in lower case', () => {
    expect(clipPhrase('Drum groove')).toBe('the drum groove');
    expect(clipPhrase('Take 3.WAV', true)).toBe('your file “Take 3.WAV”');
    expect(DRILLS.attack.describeThreshold(2, clipPhrase('Take 3.WAV', true))).toContain(
      '(4.0 times faster) on your file “Take 3.WAV” (right about',
    );
  });

  it('takes a repeatable seed from the address, and nothing else', () => {
    expect(seedFromSearch('?seed=42')).toBe(42);
    expect(seedFromSearch('?seed=-1')).toBeNull();
    expect(seedFromSearch('?seed=4e2')).toBeNull();
    expect(seedFromSearch('')).toBeNull();
  });
});
