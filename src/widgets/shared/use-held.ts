/**
 * `value`, or while it is null and `pending`, the last value that was not null: a plot stays in place (dimmed by
 * its widget, class cl-pending) while the measures of its next render are on their way, so the page does not
 * jump at every step of a slider. Once nothing is pending (no render, or a failure), nothing is held.
 */
import { useRef } from 'preact/hooks';

export function useHeld<T>(value: T | null, pending: boolean): T | null {
  const last = useRef<T | null>(null);
  if (value !== null || !pending) last.current = value;
  return value ?? last.current;
}
