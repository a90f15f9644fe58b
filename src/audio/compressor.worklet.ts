/**
 * AudioWorkletProcessor adapter: src/dsp StreamingCompressor + the A/B mixer, nothing else.
 *
 *   input (2 ch) ──► StreamingCompressor.processWithDry ──► wet (compressed), dry (delayed by the latency)
 *                                                            └──► AbMixer (original / compressed / removed) ──► output
 *
 * Parameters arrive as port messages and are handed to the compressor at the start of the next block (it smooths
 * them per sample). Metering goes back at METER_RATE_HZ in one reused message object; process() allocates nothing
 * after the first block. Bundled by Vite as its own asset through `compressor.worklet.ts?worker&url`.
 */
import { StreamingCompressor } from '../dsp/compressor';
import { AbMixer } from './ab-mixer';
import {
  PROCESSOR_NAME,
  framesPerMeter,
  type ListenedMessage,
  type MeterMessage,
  type ProcessorOptions,
  type ToProcessor,
} from './worklet-protocol';

// AudioWorkletGlobalScope, declared locally (the DOM lib does not describe it).
declare const sampleRate: number;
declare const currentFrame: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: unknown });
}
declare function registerProcessor(
  name: string,
  ctor: new (options: { processorOptions?: unknown }) => AudioWorkletProcessor,
): void;

class CompressorLabProcessor extends AudioWorkletProcessor {
  private readonly compressor: StreamingCompressor;
  private readonly mixer: AbMixer;
  private readonly channelCount: number;
  private wet: Float32Array[] = [];
  private dry: Float32Array[] = [];
  private zeros: Float32Array[] = [];
  private readonly inputs: Float32Array[] = [];
  private readonly outputs: Float32Array[] = [];
  private pendingParams: ProcessorOptions['params'] | null = null;
  private readonly meterEvery: number;
  private meterFrames = 0;
  private readonly meterMsg: MeterMessage = {
    type: 'meter',
    inputDb: -Infinity,
    outputDb: -Infinity,
    reductionDb: 0,
    frame: 0,
  };

  constructor(options: { processorOptions?: unknown }) {
    super(options);
    const opts = options.processorOptions as ProcessorOptions;
    this.channelCount = Math.max(1, opts.channelCount);
    this.compressor = new StreamingCompressor({ sampleRate, channelCount: this.channelCount, params: opts.params });
    this.mixer = new AbMixer({
      sampleRate,
      crossfadeMs: opts.crossfadeMs,
      listenTo: opts.listenTo,
      compressedMatchDb: opts.compressedMatchDb,
      removedMatchDb: opts.removedMatchDb,
      makeupDb: this.compressor.makeupDb,
    });
    this.meterEvery = framesPerMeter(sampleRate);
    this.allocate(128);
    this.port.onmessage = (event: MessageEvent<ToProcessor>) => this.onMessage(event.data);
  }

  private allocate(frames: number): void {
    const make = (): Float32Array[] => Array.from({ length: this.channelCount }, () => new Float32Array(frames));
    this.wet = make();
    this.dry = make();
    this.zeros = make();
  }

  private onMessage(msg: ToProcessor): void {
    switch (msg.type) {
      case 'params':
        this.pendingParams = msg.params;
        break;
      case 'listen': {
        this.mixer.setListenTo(msg.listenTo);
        const ack: ListenedMessage = { type: 'listened', listenTo: msg.listenTo, frame: currentFrame };
        this.port.postMessage(ack);
        break;
      }
      case 'match':
        this.mixer.setMatchDb(msg.compressedDb, msg.removedDb);
        break;
    }
  }

  process(inputList: Float32Array[][], outputList: Float32Array[][]): boolean {
    const output = outputList[0];
    const first = output?.[0];
    if (!output || !first) return true;
    const frames = first.length;
    if ((this.wet[0]?.length ?? 0) < frames) this.allocate(frames);
    if (this.pendingParams) {
      this.compressor.setParams(this.pendingParams);
      this.mixer.setMakeupDb(this.compressor.makeupDb);
      this.pendingParams = null;
    }
    const input = inputList[0] ?? [];
    for (let ch = 0; ch < this.channelCount; ch++) {
      // A missing input (source stopped) is silence; a mono input feeds every channel.
      this.inputs[ch] = input[Math.min(ch, input.length - 1)] ?? this.zeros[ch] ?? new Float32Array(frames);
      this.outputs[ch] = output[Math.min(ch, output.length - 1)] ?? first;
    }
    this.inputs.length = this.channelCount;
    this.outputs.length = this.channelCount;
    this.compressor.processWithDry(this.inputs, this.wet, this.dry, frames);
    this.mixer.process(this.dry, this.wet, this.outputs, frames);
    this.meter(frames);
    return true;
  }

  private meter(frames: number): void {
    const m = this.compressor.meter;
    const msg = this.meterMsg;
    if (this.meterFrames === 0) {
      msg.inputDb = m.inputPeakDb;
      msg.outputDb = m.outputPeakDb;
      msg.reductionDb = m.reductionDb;
    } else {
      msg.inputDb = Math.max(msg.inputDb, m.inputPeakDb);
      msg.outputDb = Math.max(msg.outputDb, m.outputPeakDb);
      msg.reductionDb = Math.max(msg.reductionDb, m.reductionDb);
    }
    this.meterFrames += frames;
    if (this.meterFrames >= this.meterEvery) {
      msg.frame = currentFrame + frames;
      this.port.postMessage(msg);
      this.meterFrames = 0;
    }
  }
}

registerProcessor(PROCESSOR_NAME, CompressorLabProcessor);
