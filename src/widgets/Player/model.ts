/** Pure helpers behind the Player widget: texts, keyboard shortcuts, URL validation (tested in Node). */
import type { ListenPath } from '../../audio/worklet-protocol';
import { deltaLu, type ClipLoudness } from '../../audio/matching';

export const LISTEN_OPTIONS: readonly { value: ListenPath; label: string; hint: string }[] = [
  { value: 'original', label: 'Original', hint: 'the clip as it is' },
  { value: 'compressed', label: 'Compressed', hint: 'through the compressor' },
  { value: 'removed', label: 'Removed', hint: 'what the compressor took away' },
];

/** Top of the gain-reduction meter's scale, dB. */
export const METER_MAX_DB = 24;

const MINUS = '\u2212';

/** m:ss (whole seconds, rounded down). */
export function formatTime(seconds: number): string {
  const s = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** aria-valuetext of the position slider, e.g. "0:03 of 0:20". */
export function positionText(positionS: number, durationS: number): string {
  return `${formatTime(positionS)} of ${formatTime(durationS)}`;
}

/** A signed number with a real minus sign and one decimal, e.g. "−6.2". */
export function signed(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return value < 0 ? `${MINUS}${text}` : `+${text}`;
}

/**
 * The ΔLU to show for the render on screen: the measured one only when it was measured on that render (loudness is
 * measured once renders pause, so during a drag it belongs to an older setting), else null ("Measuring…").
 */
export function shownDeltaLu(
  loudness: ClipLoudness | null,
  measuredOn: object | null,
  shown: object | null,
): number | null {
  return shown !== null && measuredOn === shown ? deltaLu(loudness) : null;
}

/** The ΔLU readout beside the Match loudness switch. */
export function deltaText(deltaLu: number | null, matchOn: boolean): string {
  if (deltaLu === null) return 'Measuring loudness…';
  const size = Math.abs(deltaLu).toFixed(1);
  const relation =
    Number(size) === 0
      ? 'Compressed is as loud as the original'
      : `Compressed is ${size} LU ${deltaLu < 0 ? 'quieter' : 'louder'} than the original (ΔLU ${signed(deltaLu)})`;
  return matchOn
    ? `${relation}; matched, so both play equally loud.`
    : `${relation}; not matched, so you hear the difference.`;
}

/** Meter value, clamped into the meter's range (0 for silence or no data). */
export function meterValue(reductionDb: number | null | undefined): number {
  if (reductionDb === null || reductionDb === undefined || !Number.isFinite(reductionDb)) return 0;
  return Math.min(METER_MAX_DB, Math.max(0, reductionDb));
}

export function meterText(reductionDb: number | null | undefined): string {
  return `${meterValue(reductionDb).toFixed(1)} dB of gain reduction`;
}

/** The "B" key: Original ↔ Compressed; from Removed back to Original. */
export function nextAB(current: ListenPath): ListenPath {
  return current === 'original' ? 'compressed' : 'original';
}

export interface KeyTarget {
  tagName: string;
  type?: string | null;
  role?: string | null;
  isContentEditable?: boolean;
}

export type Shortcut = 'toggle-play' | 'switch-ab';

/** Roles whose element already acts on Space (presses, toggles, picks, types, moves). */
const SPACE_ROLES = new Set([
  'slider',
  'switch',
  'checkbox',
  'radio',
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'spinbutton',
  'menuitem',
  'option',
  'tab',
]);

/** Roles whose element takes typed letters. */
const TYPING_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** Where the keys go, in the words the player's hint uses (rendered by the Player, checked by the tests). */
export const KEY_HINT = {
  space: 'Space',
  spaceAction: 'play or pause',
  spaceException: 'on a focused button, switch, box or field, Space works that control instead',
  b: 'B',
  bAction: 'switch between Original and Compressed, from anywhere but a text field',
} as const;

/** Whether Space belongs to the focused element (a button, switch, box or field): then it works that control. */
export function spaceIsTheirs(target: KeyTarget): boolean {
  const tag = target.tagName.toUpperCase();
  if (target.isContentEditable) return true;
  if (['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY'].includes(tag)) return true;
  return target.role !== null && target.role !== undefined && SPACE_ROLES.has(target.role);
}

/** Whether the focused element takes typed letters (a text field or list with type-ahead). */
export function takesTyping(target: KeyTarget): boolean {
  const tag = target.tagName.toUpperCase();
  if (target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (target.role && TYPING_ROLES.has(target.role)) return true;
  const type = (target.type ?? 'text').toLowerCase();
  return (
    tag === 'INPUT' && !['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file'].includes(type)
  );
}

/**
 * The player shortcut for a key press, or null, exactly as KEY_HINT says: Space plays or pauses unless the focused
 * element uses Space itself; B switches A/B unless the focused element takes typing. Modified presses are left
 * alone.
 */
export function shortcutFor(
  key: string,
  target: KeyTarget,
  modifiers: { ctrl?: boolean; alt?: boolean; meta?: boolean } = {},
): Shortcut | null {
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return null;
  if (key === ' ' || key === 'Spacebar') return spaceIsTheirs(target) ? null : 'toggle-play';
  if (key === 'b' || key === 'B') return takesTyping(target) ? null : 'switch-ab';
  return null;
}

/** The loading line, e.g. "Loading “Drums”… 45 %" (no percentage when the size is unknown). */
export function loadingText(title: string, progress: number | null): string {
  return progress === null ? `Loading “${title}”…` : `Loading “${title}”… ${Math.round(progress * 100)} %`;
}
