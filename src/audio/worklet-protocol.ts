/**
 * Messages between the main thread and the compressor AudioWorkletProcessor (pure types and constants, no DOM).
 *
 * main -> processor: 'params' (applied at the next block, smoothed by the compressor), 'listen' (start an
 * equal-power crossfade to another path), 'match' (loudness-matching gains for the compressed and removed paths).
 * processor -> main: 'meter' (at about METER_RATE_HZ, one reused object), 'listened' (frame at which a switch began).
 */
import type { CompressorParams } from '../dsp/types';

export type ListenPath = 'original' | 'compressed' | 'removed';

export const PROCESSOR_NAME = 'compressor-lab';

/** Display rate of the meter messages, Hz. */
export const METER_RATE_HZ = 30;

/** Length of the A/B equal-power crossfade, ms. */
export const CROSSFADE_MS = 30;

export interface ProcessorOptions {
  params: CompressorParams;
  channelCount: number;
  listenTo: ListenPath;
  /** Loudness-matching gains, dB. */
  compressedMatchDb: number;
  removedMatchDb: number;
  crossfadeMs: number;
}

export type ToProcessor =
  | { type: 'params'; params: CompressorParams }
  | { type: 'listen'; listenTo: ListenPath }
  | { type: 'match'; compressedDb: number; removedDb: number };

export interface MeterMessage {
  type: 'meter';
  inputDb: number;
  outputDb: number;
  reductionDb: number;
  /** currentFrame at the end of the metering period. */
  frame: number;
}

export interface ListenedMessage {
  type: 'listened';
  listenTo: ListenPath;
  /** currentFrame of the block in which the crossfade began. */
  frame: number;
}

export type FromProcessor = MeterMessage | ListenedMessage;

/** Frames per meter message at a sample rate (rounded to whole 128-frame blocks by the caller's block loop). */
export function framesPerMeter(sampleRate: number): number {
  return Math.max(128, Math.round(sampleRate / METER_RATE_HZ));
}
