/**
 * Messages between the output meter (output-client.ts) and its Worker (output.worker.ts), and the Worker's pure
 * job handler: the whole-clip measures of a render's output (model.ts outputMeasures, the one definition). The
 * meter needs nothing of the original, so 'clip' carries no audio; 'measure' hands over a render's output.
 */
import { measureHandler, type MeasureHandler, type ToMeasureWorker } from '../shared/measure-protocol';
import { outputMeasures, type OutputMeasures } from './model';

export type OutputClipFields = Record<never, never>;

export interface OutputMeasureFields {
  output: Float32Array[];
  sampleRate: number;
}

export type ToOutputWorker = ToMeasureWorker<OutputClipFields, OutputMeasureFields>;

export function outputHandler(): MeasureHandler<OutputClipFields, OutputMeasureFields, OutputMeasures> {
  return measureHandler((_clip, job) => outputMeasures(job));
}
