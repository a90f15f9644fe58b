/**
 * The player's keys do what its hint says (issue 9, item 8): Space plays or pauses except on a focused button,
 * switch, box or field, where it works that control (the "Match loudness" switch included, so the hint must say
 * so); B switches Original/Compressed from anywhere but a text field.
 */
import { describe, expect, it } from 'vitest';
import { KEY_HINT, shortcutFor, type KeyTarget } from '../../../src/widgets/Player/model';

const matchSwitch: KeyTarget = { tagName: 'BUTTON', role: 'switch' };
const page: KeyTarget[] = [{ tagName: 'BODY' }, { tagName: 'DIV' }, { tagName: 'H1' }, { tagName: 'P' }];
/** What the hint's exception names, one element of each kind. */
const exceptions: Record<string, KeyTarget[]> = {
  button: [{ tagName: 'BUTTON' }],
  switch: [matchSwitch],
  box: [{ tagName: 'INPUT', type: 'checkbox' }, { tagName: 'SELECT' }],
  field: [
    { tagName: 'INPUT', type: 'text' },
    { tagName: 'INPUT', type: 'range' },
    { tagName: 'DIV', role: 'slider' },
    { tagName: 'TEXTAREA' },
  ],
};

describe('player keys and hint agree', () => {
  it('the hint names every kind of element that keeps Space for itself', () => {
    for (const kind of Object.keys(exceptions)) expect(KEY_HINT.spaceException).toContain(kind);
  });

  it('Space plays or pauses on the page, and works the focused control on each exception', () => {
    for (const target of page) expect(shortcutFor(' ', target)).toBe('toggle-play');
    for (const [kind, targets] of Object.entries(exceptions)) {
      for (const target of targets) expect(shortcutFor(' ', target), `${kind} ${JSON.stringify(target)}`).toBeNull();
    }
  });

  it('B switches A/B everywhere but a text field, the focused Match loudness switch included', () => {
    expect(KEY_HINT.bAction).toContain('from anywhere but a text field');
    for (const target of [...page, matchSwitch, { tagName: 'BUTTON' }, { tagName: 'INPUT', type: 'radio' }]) {
      expect(shortcutFor('b', target), JSON.stringify(target)).toBe('switch-ab');
    }
    for (const target of [{ tagName: 'INPUT', type: 'text' }, { tagName: 'TEXTAREA' }, { tagName: 'SELECT' }]) {
      expect(shortcutFor('b', target)).toBeNull();
    }
  });
});
