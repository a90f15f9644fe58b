/**
 * Exercise verdicts as they are given, for whoever wants to hear about them on this page — the embed's messages
 * to its host page (src/widgets/Workbench/embed-host.ts) send each one on as a `result`. A verdict is reported
 * once, when "Check my setting" gives it; the waiting message ("Working out …") is not a verdict.
 */
import type { Verdict } from './model';
import type { ExerciseProps } from './Exercise';

export interface ExerciseResult {
  verdict: Exclude<Verdict, 'none'>;
  message: string;
}

const listeners = new Set<(result: ExerciseResult) => void>();

export function reportResult(verdict: Verdict, message: string): void {
  if (verdict === 'none') return;
  for (const listener of listeners) listener({ verdict, message });
}

/** Calls `listener` with every verdict given from now on; returns the unsubscribe. */
export function onResult(listener: (result: ExerciseResult) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const reduction = { minDb: 6, maxDb: 8, thresholdDb: -25 };
const minus = (db: number): string => String(db).replace('-', '\u2212');

/**
 * The exercises an embed can show (`/embed/exercise/?task=…`): the props their lessons give them (the Threshold
 * lesson's, then the Ratio lesson's) and the task in words, written from those same props.
 */
export const EMBED_TASKS: Record<'loudest-hits-only' | 'loudest-reduction', { props: ExerciseProps; prompt: string }> =
  {
    'loudest-hits-only': {
      props: { kind: 'loudest-hits-only' },
      prompt:
        'On the drum groove, set the threshold so that only the loudest hits go over it and everything else ' +
        'passes untouched. Then press “Check my setting”.',
    },
    'loudest-reduction': {
      props: { kind: 'loudest-reduction', clips: ['drums', 'vocal'], ...reduction },
      prompt:
        `On the drum groove, leave the threshold at ${minus(reduction.thresholdDb)} dB and choose a ratio at which ` +
        `the most gain reduction is ${reduction.minDb} to ${reduction.maxDb} dB. Then press “Check my setting”.`,
    },
  };
export type EmbedTask = keyof typeof EMBED_TASKS;
