import { describe, expect, it } from 'vitest';
import {
  deltaText,
  formatTime,
  loadingText,
  meterText,
  meterValue,
  METER_MAX_DB,
  nextAB,
  positionText,
  shortcutFor,
  shownDeltaLu,
  signed,
} from '../../../src/widgets/Player/model';

describe('texts', () => {
  it('formats times as m:ss', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(19.2)).toBe('0:19');
    expect(formatTime(75.9)).toBe('1:15');
    expect(formatTime(Number.NaN)).toBe('0:00');
    expect(positionText(3.4, 19.2)).toBe('0:03 of 0:19');
  });

  it('signs numbers with a real minus', () => {
    expect(signed(-6.24)).toBe('\u22126.2');
    expect(signed(2)).toBe('+2.0');
    expect(signed(-0.01)).toBe('0.0');
  });

  it('shows a measured ΔLU only for the render it was measured on', () => {
    const loudness = { originalLufs: -20, compressedLufs: -23.5, removedLufs: -30 };
    const measured = {};
    expect(shownDeltaLu(loudness, measured, measured)).toBe(-3.5);
    expect(shownDeltaLu(loudness, measured, {})).toBeNull(); // a newer render is on screen
    expect(shownDeltaLu(loudness, null, null)).toBeNull();
    expect(shownDeltaLu(null, measured, measured)).toBeNull();
  });

  it('says how loud the compressed clip is and whether it is matched', () => {
    expect(deltaText(null, true)).toBe('Measuring loudness…');
    expect(deltaText(-6.24, true)).toBe(
      'Compressed is 6.2 LU quieter than the original (ΔLU \u22126.2); matched, so both play equally loud.',
    );
    expect(deltaText(3, false)).toBe(
      'Compressed is 3.0 LU louder than the original (ΔLU +3.0); not matched, so you hear the difference.',
    );
    expect(deltaText(0.01, false)).toBe(
      'Compressed is as loud as the original; not matched, so you hear the difference.',
    );
  });

  it('clamps the meter into 0..24 dB', () => {
    expect(meterValue(null)).toBe(0);
    expect(meterValue(-Infinity)).toBe(0);
    expect(meterValue(7.25)).toBe(7.25);
    expect(meterValue(40)).toBe(METER_MAX_DB);
    expect(meterText(7.25)).toBe('7.3 dB of gain reduction');
  });

  it('shows loading progress as a percentage when the size is known', () => {
    expect(loadingText('Drum groove', 0.456)).toBe('Loading “Drum groove”… 46 %');
    expect(loadingText('Drum groove', null)).toBe('Loading “Drum groove”…');
  });
});

describe('keyboard', () => {
  const body = { tagName: 'BODY' };

  it('Space plays/pauses and B switches A/B when focus is on the page', () => {
    expect(shortcutFor(' ', body)).toBe('toggle-play');
    expect(shortcutFor('b', body)).toBe('switch-ab');
    expect(shortcutFor('B', { tagName: 'DIV' })).toBe('switch-ab');
    expect(shortcutFor('x', body)).toBeNull();
  });

  it('leaves keys to fields, sliders, buttons and modified presses', () => {
    expect(shortcutFor(' ', { tagName: 'BUTTON' })).toBeNull();
    expect(shortcutFor(' ', { tagName: 'INPUT', type: 'range' })).toBeNull();
    expect(shortcutFor('b', { tagName: 'INPUT', type: 'text' })).toBeNull();
    expect(shortcutFor('b', { tagName: 'INPUT', type: 'radio' })).toBe('switch-ab');
    expect(shortcutFor('b', { tagName: 'TEXTAREA' })).toBeNull();
    expect(shortcutFor(' ', { tagName: 'DIV', role: 'slider' })).toBeNull();
    expect(shortcutFor(' ', { tagName: 'DIV', isContentEditable: true })).toBeNull();
    expect(shortcutFor('b', body, { ctrl: true })).toBeNull();
  });

  it('B goes Original ↔ Compressed, and from Removed back to Original', () => {
    expect(nextAB('original')).toBe('compressed');
    expect(nextAB('compressed')).toBe('original');
    expect(nextAB('removed')).toBe('original');
  });
});
