/**
 * Pure model of the close-up view: one event, zoomed, with the target and applied reduction overlaid, the
 * time-constant mark, and the operating point on the transfer curve at the marked instant.
 *
 *  - test signal, attack: the step up; the mark is where the applied reduction has covered 63.2 % of its change;
 *  - test signal, release: the step down; the mark is where 36.8 % of the reduction is left;
 *  - clip, attack: the loudest hit that crosses the threshold, from its onset; the crack (first 5 ms) and the body
 *    are shaded, the mark is the end of the crack;
 *  - clip, release: the same hit until the next one; the mark is where 36.8 % of the hit's largest applied
 *    reduction is left (if that happens before the next hit), the operating point is just before the next hit.
 * Times are ms from the event. Source: docs/compressor.md §3; step-response.ts and hit-measures.ts for the measures.
 */
import type { CompressorParams, OfflineRender } from '../../dsp/types';
import { staticTransferDb } from '../TransferCurve/model';
import { RELEASE_MARK, crossingMs, stepResponse, type StepKind, type StepResponse } from './step-response';
import { testSignalSteps } from './test-signals';
import {
  CRACK_MS,
  measureHits,
  reductionRippleDb,
  summariseHits,
  type HitMeasure,
  type HitSummary,
} from './hit-measures';

export type CloseUpSource = 'test' | 'clip';

export interface CloseUpPoint {
  tMs: number;
  /** Largest and smallest target reduction in the column (equal when a column is one sample), dB. */
  targetDb: number;
  targetMinDb: number;
  appliedDb: number;
}

export interface CloseUpMark {
  tMs: number;
  db: number;
  label: string;
}

export interface OperatingPoint {
  tMs: number;
  /** Detector level at the instant (its peak over the last OPERATING_SPAN_MS), dBFS. */
  inDb: number;
  /** Output level: input minus the applied reduction, make-up included, dBFS. */
  outDb: number;
  /** Where the static curve would put it, dBFS. */
  staticOutDb: number;
}

export interface CloseUpModel {
  kind: StepKind;
  source: CloseUpSource;
  startMs: number;
  endMs: number;
  points: CloseUpPoint[];
  /** The target swings with the waveform (a peak detector on a tone or a hit): drawn as a band of its range. */
  targetFlickers: boolean;
  /** Shaded stretches (crack and body of a hit). */
  regions: { fromMs: number; toMs: number; label: string }[];
  mark: CloseUpMark | null;
  operating: OperatingPoint | null;
  /** Largest reduction drawn, dB. */
  maxDb: number;
  step: StepResponse | null;
  hit: HitMeasure | null;
  /** Time of the event in the clip, s. */
  eventS: number;
  /** Onset of the next hit, ms from the event (release on a clip). */
  nextMs: number | null;
  summary: HitSummary | null;
  rippleDb: number | null;
  /** Release on a clip: when the applied reduction peaks after the hit, ms from the event. */
  peakMs: number | null;
  peakDb: number | null;
  /** Applied reduction just before the next hit, dB. */
  nextLeftDb: number | null;
  /** Release on a clip: the reduction left just before the next hit, as a second labelled point. */
  leftMark: CloseUpMark | null;
  /** Test signal: the largest target reduction while the level is up, dB. */
  stepTargetDb: number | null;
  /** Attack on a test signal: the applied reduction a tenth of the attack time after the step, dB. */
  earlyDb: number | null;
}

export const OPERATING_SPAN_MS = 1;
export const HIT_BEFORE_MS = 5;
export const HIT_AFTER_MS = 60;
export const RELEASE_MAX_MS = 1000;

const ms = (samples: number, fs: number) => (samples * 1000) / fs;

/** More jumps than this (over 1 dB between samples) in a window and the target is drawn as a band. */
export const FLICKER_JUMPS = 8;
/** The band's running window, ms: about one cycle of a low tone, so it shows the target's range, not each swing. */
export const BAND_MS = 1;

function countJumps(values: Float32Array, a: number, b: number): number {
  let n = 0;
  for (let i = Math.max(1, a); i < b; i++) if (Math.abs((values[i] as number) - (values[i - 1] as number)) > 1) n++;
  return n;
}

function points(
  render: OfflineRender,
  from: number,
  to: number,
  origin: number,
  columns: number,
): { points: CloseUpPoint[]; flickers: boolean } {
  const fs = render.sampleRate;
  const target = render.targetReductionDb;
  const applied = render.appliedReductionDb;
  const a = Math.max(0, from);
  const b = Math.min(applied.length, to);
  if (b <= a) return { points: [], flickers: false };
  const flickers = countJumps(target, a, b) > FLICKER_JUMPS;
  const count = Math.max(1, Math.min(b - a, Math.floor(columns)));
  const half = flickers ? Math.round((BAND_MS / 2 / 1000) * fs) : 0;
  const out: CloseUpPoint[] = [];
  for (let c = 0; c < count; c++) {
    const ca = a + Math.floor(((b - a) * c) / count);
    const cb = Math.max(ca + 1, a + Math.floor(((b - a) * (c + 1)) / count));
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = Math.max(0, ca - half); i < Math.min(target.length, cb + half); i++) {
      const v = target[i] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    let ap = 0;
    for (let i = ca; i < cb; i++) ap = Math.max(ap, applied[i] as number);
    out.push({ tMs: ms(ca - origin, fs), targetDb: hi, targetMinDb: lo, appliedDb: ap });
  }
  return { points: out, flickers };
}

/** The operating point at sample `at`: detector peak over the last OPERATING_SPAN_MS, minus applied reduction. */
export function operatingPoint(
  render: OfflineRender,
  params: CompressorParams,
  at: number,
  origin: number,
): OperatingPoint | null {
  const fs = render.sampleRate;
  if (at < 0 || at >= render.detectorDb.length) return null;
  let inDb = -Infinity;
  for (let i = Math.max(0, at - Math.round((OPERATING_SPAN_MS / 1000) * fs)); i <= at; i++) {
    inDb = Math.max(inDb, render.detectorDb[i] as number);
  }
  return {
    tMs: ms(at - origin, fs),
    inDb,
    outDb: inDb - (render.appliedReductionDb[at] as number) + render.makeupDb,
    staticOutDb: staticTransferDb(inDb, params),
  };
}

function maxIn(values: Float32Array, a: number, b: number): number {
  let m = 0;
  for (let i = a; i < Math.min(b, values.length); i++) m = Math.max(m, values[i] as number);
  return m;
}

function drawn(render: OfflineRender, from: number, to: number, origin: number, columns: number) {
  const { points: p, flickers } = points(render, from, to, origin, columns);
  return { points: p, targetFlickers: flickers };
}

function base(kind: StepKind, source: CloseUpSource): CloseUpModel {
  return {
    kind,
    source,
    startMs: 0,
    endMs: 0,
    points: [],
    targetFlickers: false,
    regions: [],
    mark: null,
    operating: null,
    maxDb: 0,
    step: null,
    hit: null,
    eventS: 0,
    nextMs: null,
    summary: null,
    rippleDb: null,
    peakMs: null,
    peakDb: null,
    nextLeftDb: null,
    leftMark: null,
    stepTargetDb: null,
    earlyDb: null,
  };
}

function finish(m: CloseUpModel): CloseUpModel {
  let maxDb = 0;
  for (const p of m.points) maxDb = Math.max(maxDb, p.targetDb, p.appliedDb);
  return { ...m, maxDb };
}

function testModel(render: OfflineRender, params: CompressorParams, kind: StepKind, columns: number): CloseUpModel {
  const fs = render.sampleRate;
  const { up, down, end } = testSignalSteps(fs, render.appliedReductionDb.length);
  const tau = kind === 'attack' ? params.attackMs : params.releaseMs;
  const step = kind === 'attack' ? stepResponse(render, kind, up, down) : stepResponse(render, kind, down, end);
  const origin = kind === 'attack' ? up : down;
  const m = { ...base(kind, 'test'), step, eventS: origin / fs };
  if (!step) return m;
  const before = Math.max(0.5, kind === 'attack' ? tau : tau / 2);
  const span = Math.max(2, kind === 'attack' ? 4 * tau : 3 * tau, Number.isFinite(step.markMs) ? step.markMs * 1.4 : 0);
  const from = origin - Math.round((before / 1000) * fs);
  const to = Math.min(kind === 'attack' ? down : end, origin + Math.round((span / 1000) * fs));
  // Sample origin + n holds the reduction n + 1 samples after the step (crossingMs counts the same way).
  const after = (tMs: number) => origin + Math.max(0, Math.round((tMs / 1000) * fs) - 1);
  const markAt = Number.isFinite(step.markMs) ? after(step.markMs) : -1;
  return finish({
    ...m,
    startMs: ms(from - origin, fs),
    endMs: ms(to - origin, fs),
    ...drawn(render, from, to, origin, columns),
    mark: Number.isFinite(step.markMs)
      ? { tMs: step.markMs, db: step.markDb, label: kind === 'attack' ? '63 %' : '36.8 % left' }
      : null,
    operating: markAt >= 0 ? operatingPoint(render, params, markAt, origin) : null,
    earlyDb: kind === 'attack' ? (render.appliedReductionDb[after(tau / 10)] ?? null) : null,
    stepTargetDb: maxIn(render.targetReductionDb, up, down),
  });
}

function clipModel(
  input: readonly Float32Array[],
  render: OfflineRender,
  params: CompressorParams,
  kind: StepKind,
  columns: number,
): CloseUpModel {
  const fs = render.sampleRate;
  const measures = measureHits(input, render);
  const m = { ...base(kind, 'clip'), summary: summariseHits(measures), rippleDb: reductionRippleDb(render) };
  if (measures.length === 0) return m;
  const k = measures.reduce((best, h, i) => (h.hit.peakDb > (measures[best]?.hit.peakDb ?? -Infinity) ? i : best), 0);
  const hit = measures[k] as HitMeasure;
  const origin = hit.onset;
  const next = measures[k + 1]?.onset ?? null;
  const common = {
    ...m,
    hit,
    eventS: origin / fs,
    nextMs: next === null ? null : ms(next - origin, fs),
    nextLeftDb: measures[k + 1]?.leftBeforeDb ?? null,
  };
  if (kind === 'attack') {
    const from = origin - Math.round((HIT_BEFORE_MS / 1000) * fs);
    const to = origin + Math.round((HIT_AFTER_MS / 1000) * fs);
    const crackEnd = origin + Math.round((CRACK_MS / 1000) * fs);
    return finish({
      ...common,
      startMs: -HIT_BEFORE_MS,
      endMs: HIT_AFTER_MS,
      ...drawn(render, from, to, origin, columns),
      regions: [
        { fromMs: 0, toMs: CRACK_MS, label: 'crack' },
        { fromMs: CRACK_MS, toMs: ms(hit.bodyEnd - origin, fs), label: 'body' },
      ],
      mark: {
        tMs: CRACK_MS,
        db: render.appliedReductionDb[crackEnd] as number,
        label: 'end of crack',
      },
      operating: operatingPoint(render, params, crackEnd, origin),
    });
  }
  const stop = Math.min(render.appliedReductionDb.length, origin + Math.round((RELEASE_MAX_MS / 1000) * fs));
  const last = next === null ? stop : Math.min(next, stop);
  let peakAt = origin;
  for (let i = origin; i < last; i++) {
    if ((render.appliedReductionDb[i] as number) > (render.appliedReductionDb[peakAt] as number)) peakAt = i;
  }
  const peakDb = render.appliedReductionDb[peakAt] as number;
  const leftMs = crossingMs(render.appliedReductionDb, peakAt, last, peakDb * RELEASE_MARK, false, fs);
  const from = origin - Math.round((10 / 1000) * fs);
  const to = Math.min(render.appliedReductionDb.length, last + Math.round((10 / 1000) * fs));
  return finish({
    ...common,
    peakMs: ms(peakAt - origin, fs),
    peakDb,
    startMs: ms(from - origin, fs),
    endMs: ms(to - origin, fs),
    ...drawn(render, from, to, origin, columns),
    mark: Number.isFinite(leftMs)
      ? { tMs: ms(peakAt - origin, fs) + leftMs, db: peakDb * RELEASE_MARK, label: '36.8 % left' }
      : null,
    operating: operatingPoint(render, params, last - 1, origin),
    leftMark:
      next !== null && next === last
        ? { tMs: ms(next - 1 - origin, fs), db: render.appliedReductionDb[next - 1] as number, label: 'left' }
        : null,
  });
}

export function closeUpModel(
  input: readonly Float32Array[],
  render: OfflineRender,
  params: CompressorParams,
  source: CloseUpSource,
  kind: StepKind,
  columns: number,
): CloseUpModel {
  return source === 'test' ? testModel(render, params, kind, columns) : clipModel(input, render, params, kind, columns);
}
