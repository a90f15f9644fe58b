/**
 * Main-thread side of the compressor worklet: loads the module once per context and wraps an AudioWorkletNode
 * with typed messages. Works on AudioContext and OfflineAudioContext alike (the tests render through the latter).
 */
import workletUrl from './compressor.worklet.ts?worker&url';
import {
  CROSSFADE_MS,
  PROCESSOR_NAME,
  type FromProcessor,
  type ListenedMessage,
  type MeterMessage,
  type ProcessorOptions,
  type ToProcessor,
} from './worklet-protocol';

const loaded = new WeakMap<BaseAudioContext, Promise<void>>();

/** Add the worklet module to a context (once). */
export function loadCompressorWorklet(ctx: BaseAudioContext): Promise<void> {
  let promise = loaded.get(ctx);
  if (!promise) {
    promise = ctx.audioWorklet.addModule(workletUrl);
    loaded.set(ctx, promise);
    promise.catch(() => loaded.delete(ctx));
  }
  return promise;
}

export interface CompressorNodeHandle {
  readonly node: AudioWorkletNode;
  post(message: ToProcessor): void;
  dispose(): void;
}

export type CompressorNodeOptions = Omit<ProcessorOptions, 'crossfadeMs' | 'channelCount'> & {
  crossfadeMs?: number;
  onMeter?: (meter: MeterMessage) => void;
  onListened?: (message: ListenedMessage) => void;
};

/** A stereo compressor node (mono input is up-mixed to both channels). */
export async function createCompressorNode(
  ctx: BaseAudioContext,
  options: CompressorNodeOptions,
): Promise<CompressorNodeHandle> {
  await loadCompressorWorklet(ctx);
  const { onMeter, onListened, ...rest } = options;
  const processorOptions: ProcessorOptions = { crossfadeMs: CROSSFADE_MS, ...rest, channelCount: 2 };
  const node = new AudioWorkletNode(ctx, PROCESSOR_NAME, {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    outputChannelCount: [2],
    channelCount: 2,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    processorOptions,
  });
  node.port.onmessage = (event: MessageEvent<FromProcessor>) => {
    const msg = event.data;
    if (msg.type === 'meter') onMeter?.(msg);
    else onListened?.(msg);
  };
  return {
    node,
    post: (message) => node.port.postMessage(message),
    dispose: () => {
      node.port.onmessage = null;
      node.disconnect();
    },
  };
}
