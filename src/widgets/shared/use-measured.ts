/**
 * A widget's whole-clip measures of the render it shows, taken in its measure Worker (measure-client.ts) after each
 * render arrives. Returns the answer for `render` itself, or null while it is on its way (or while `enabled` is
 * false): a newer render or clip cancels the job before, and an answer for anything but the current render is
 * never returned, so a widget shows a pending state rather than numbers of an older setting. The Worker starts
 * with the first job and ends with the widget.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MeasuredClip, Measurer } from './measure-client';

export interface Measured<T, R> {
  render: T;
  /** The result, or null when the measures failed (`error` says why). */
  result: R | null;
  error?: string;
}

export function useMeasured<T, R>(
  start: () => Measurer<T, R>,
  clip: MeasuredClip | null,
  render: T | null,
  enabled = true,
): Measured<T, R> | null {
  const [measured, setMeasured] = useState<Measured<T, R> | null>(null);
  const client = useRef<Measurer<T, R> | null>(null);
  useEffect(() => () => client.current?.dispose(), []);
  useEffect(() => {
    if (!enabled || !render || !clip) return undefined;
    client.current ??= start();
    const meter = client.current;
    let live = true;
    meter.measure(clip, render).then(
      (result) => {
        if (live && result !== null) setMeasured({ render, result });
      },
      (error: unknown) => {
        if (live) setMeasured({ render, result: null, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
      meter.cancel();
    };
  }, [enabled, render, clip, start]);
  return enabled && measured && measured.render === render ? measured : null;
}
