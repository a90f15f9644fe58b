/**
 * The compressor's public types: the contract shared by the offline renderer (plots), the streaming processor
 * (AudioWorklet) and the command line. Units are in the names. The exact definitions, with their sources:
 * docs/compressor.md.
 */

export type Detector = 'peak' | 'rms';

/** Every parameter of the compressor, in the units its name carries. `ratio` may be Infinity (limiting). */
export interface CompressorParams {
  /** Level above which reduction starts, dBFS, −60..0. */
  thresholdDb: number;
  /** Input dB above threshold per output dB, 1..20 or Infinity. */
  ratio: number;
  /** Width of the quadratic soft knee centred on the threshold, dB, 0..24 (0 = hard knee). */
  kneeDb: number;
  /** Attack time constant, ms, 0.1..200: 63.2 % of a step's reduction is reached after attackMs. */
  attackMs: number;
  /** Release time constant, ms, 5..2000: 36.8 % of the reduction remains after releaseMs. */
  releaseMs: number;
  /** Make-up gain, dB, 0..24, or 'auto' (gives back the static reduction at 0 dBFS). */
  makeupDb: number | 'auto';
  detector: Detector;
  /** RMS detector smoothing time constant, ms, 1..100 (used only when detector = 'rms'). */
  rmsWindowMs: number;
  /** Audio path delay relative to the detector, ms, 0..10. */
  lookaheadMs: number;
  /** Stereo link, 0..1: 1 applies identical gain to every channel. */
  link: number;
  /** Parallel-compression mix, 0..1: out = mix·wet + (1 − mix)·dry. */
  mix: number;
}

/** Result of an offline render. Every per-sample array has the input's length and is time-aligned with it. */
export interface OfflineRender {
  /** Output audio, one array per channel, lookahead delay removed. */
  output: Float32Array[];
  /** Detector level x_G, dBFS, per sample (loudest channel). */
  detectorDb: Float32Array;
  /** Target (static) gain reduction x_L = x_G − y_G, dB ≥ 0, per sample (loudest channel). */
  targetReductionDb: Float32Array;
  /** Applied (smoothed) gain reduction y_L, dB ≥ 0, per sample (loudest channel; before make-up). */
  appliedReductionDb: Float32Array;
  /** Make-up gain actually applied, dB (resolved when makeupDb = 'auto'). */
  makeupDb: number;
  /** Latency of the streaming processor with these settings, samples (= round(lookaheadMs · fs / 1000)). */
  latencySamples: number;
  sampleRate: number;
}
