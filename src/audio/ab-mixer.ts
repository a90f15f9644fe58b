/**
 * The A/B(/delta) mixer that runs inside the worklet after the compressor: it forms the three listening paths
 * from the latency-aligned dry signal and the compressed signal, and crossfades between them.
 *
 *   dry ───────────────────────────────┬──────────────── × g_original ───────────────┐
 *   wet (compressed) ──────────────────┼──┬──────────── × g_compressed · m_compressed ┼──► out
 *                                      └─(−)·c_makeup ─ × g_removed · m_removed ─────┘
 *
 * removed = dry − wet · 10^(−makeupDb/20): what the gain reduction took away (make-up undone first, so with
 * mix = 1 it is exactly dry · (1 − reduction gain)). m_* are loudness-matching gains (smoothed, 20 ms), g_* the
 * crossfade gains. A switch starts an equal-power crossfade from the gains in effect at that sample, so a switch
 * in the middle of another one stays continuous and keeps Σ g² constant.
 * Pure TypeScript, no allocation after construction (except when the block size grows).
 */
import { dbToGain } from '../dsp/levels';
import type { ListenPath } from './worklet-protocol';

const PATHS: readonly ListenPath[] = ['original', 'compressed', 'removed'];

/** Time constant for matching-gain and make-up-compensation changes, ms. */
export const GAIN_SMOOTHING_MS = 20;

export function pathIndex(path: ListenPath): number {
  return PATHS.indexOf(path);
}

/**
 * Equal-power crossfade gain at position u (0..1) from gain `from` to gain `to`.
 * Source: the sine/cosine equal-power law, g_out = cos(πu/2), g_in = sin(πu/2) (e.g. Reiss & McPherson, "Audio
 * Effects: Theory, Implementation and Application", 2014, §"crossfading"); generalised so that
 * g(u)² = from²·cos²(πu/2) + to²·sin²(πu/2), which keeps Σ g² constant when Σ from² = Σ to².
 */
export function equalPowerGain(from: number, to: number, u: number): number {
  const clamped = Math.min(1, Math.max(0, u));
  const c = Math.cos((Math.PI / 2) * clamped);
  const s = Math.sin((Math.PI / 2) * clamped);
  return Math.sqrt(from * from * c * c + to * to * s * s);
}

export class AbMixer {
  readonly sampleRate: number;
  private readonly fadeFrames: number;
  private readonly smoothK: number;
  private readonly gains = new Float64Array(3);
  private readonly from = new Float64Array(3);
  private readonly to = new Float64Array(3);
  private fadePos = 0;
  private fading = false;
  private readonly match = new Float64Array(3);
  private readonly matchTarget = new Float64Array(3);
  private comp = 1;
  private compTarget = 1;
  private coefO = new Float32Array(128);
  private coefC = new Float32Array(128);
  private coefR = new Float32Array(128);
  private coefComp = new Float32Array(128);
  private listening: ListenPath;

  constructor(opts: {
    sampleRate: number;
    crossfadeMs: number;
    listenTo: ListenPath;
    compressedMatchDb?: number;
    removedMatchDb?: number;
    makeupDb?: number;
  }) {
    this.sampleRate = opts.sampleRate;
    this.fadeFrames = Math.max(1, Math.round((opts.crossfadeMs * opts.sampleRate) / 1000));
    // Source: one-pole smoother, k = 1 − exp(−1/(τ·fs)).
    this.smoothK = 1 - Math.exp(-1 / ((GAIN_SMOOTHING_MS / 1000) * opts.sampleRate));
    this.listening = opts.listenTo;
    this.gains[pathIndex(opts.listenTo)] = 1;
    this.match[0] = this.matchTarget[0] = 1;
    this.match[1] = this.matchTarget[1] = dbToGain(opts.compressedMatchDb ?? 0);
    this.match[2] = this.matchTarget[2] = dbToGain(opts.removedMatchDb ?? 0);
    this.comp = this.compTarget = dbToGain(-(opts.makeupDb ?? 0));
  }

  get listenTo(): ListenPath {
    return this.listening;
  }

  get isFading(): boolean {
    return this.fading;
  }

  /** Current crossfade gains [original, compressed, removed]. */
  currentGains(): readonly number[] {
    return [this.gains[0] ?? 0, this.gains[1] ?? 0, this.gains[2] ?? 0];
  }

  /** Start an equal-power crossfade to `path` from the gains in effect now. */
  setListenTo(path: ListenPath): void {
    if (path === this.listening && !this.fading) return;
    this.listening = path;
    const target = pathIndex(path);
    for (let i = 0; i < 3; i++) {
      this.from[i] = this.gains[i] ?? 0;
      this.to[i] = i === target ? 1 : 0;
    }
    this.fadePos = 0;
    this.fading = true;
  }

  /** Loudness-matching gains for the compressed and removed paths, dB (smoothed). */
  setMatchDb(compressedDb: number, removedDb: number): void {
    this.matchTarget[1] = dbToGain(compressedDb);
    this.matchTarget[2] = dbToGain(removedDb);
  }

  /** The make-up gain to undo before forming the removed path, dB (smoothed). */
  setMakeupDb(makeupDb: number): void {
    this.compTarget = dbToGain(-makeupDb);
  }

  private ensureCapacity(frames: number): void {
    if (this.coefO.length >= frames) return;
    this.coefO = new Float32Array(frames);
    this.coefC = new Float32Array(frames);
    this.coefR = new Float32Array(frames);
    this.coefComp = new Float32Array(frames);
  }

  private settled(): boolean {
    if (this.fading || this.comp !== this.compTarget) return false;
    for (let i = 1; i < 3; i++) if (this.match[i] !== this.matchTarget[i]) return false;
    return true;
  }

  private smoothStep(): void {
    const k = this.smoothK;
    for (let i = 1; i < 3; i++) {
      const m = this.match[i] ?? 1;
      const t = this.matchTarget[i] ?? 1;
      const next = m + (t - m) * k;
      this.match[i] = Math.abs(t - next) < 1e-7 * Math.max(1, Math.abs(t)) ? t : next;
    }
    const c = this.comp + (this.compTarget - this.comp) * k;
    this.comp = Math.abs(this.compTarget - c) < 1e-7 * Math.max(1, this.compTarget) ? this.compTarget : c;
  }

  private fadeStep(): void {
    if (!this.fading) return;
    this.fadePos++;
    const u = this.fadePos / this.fadeFrames;
    for (let i = 0; i < 3; i++) this.gains[i] = equalPowerGain(this.from[i] ?? 0, this.to[i] ?? 0, u);
    if (this.fadePos >= this.fadeFrames) {
      this.fading = false;
      for (let i = 0; i < 3; i++) this.gains[i] = this.to[i] ?? 0;
    }
  }

  /**
   * out[ch][n] = g_o·dry + g_c·m_c·wet + g_r·m_r·(dry − c·wet). `dry`, `wet` and `out` have the same channel count;
   * `out` may alias neither input.
   */
  process(dry: readonly Float32Array[], wet: readonly Float32Array[], out: Float32Array[], frames: number): void {
    if (this.settled()) {
      const gO = this.gains[0] ?? 0;
      const gC = (this.gains[1] ?? 0) * (this.match[1] ?? 1);
      const gR = (this.gains[2] ?? 0) * (this.match[2] ?? 1);
      const c = this.comp;
      for (let ch = 0; ch < out.length; ch++) {
        const d = dry[ch];
        const w = wet[ch];
        const o = out[ch];
        if (!d || !w || !o) continue;
        if (gO === 0 && gR === 0) for (let n = 0; n < frames; n++) o[n] = gC * (w[n] ?? 0);
        else if (gC === 0 && gR === 0) for (let n = 0; n < frames; n++) o[n] = gO * (d[n] ?? 0);
        else {
          for (let n = 0; n < frames; n++) {
            const dn = d[n] ?? 0;
            const wn = w[n] ?? 0;
            o[n] = gO * dn + gC * wn + gR * (dn - c * wn);
          }
        }
      }
      return;
    }
    this.ensureCapacity(frames);
    for (let n = 0; n < frames; n++) {
      this.fadeStep();
      this.smoothStep();
      this.coefO[n] = this.gains[0] ?? 0;
      this.coefC[n] = (this.gains[1] ?? 0) * (this.match[1] ?? 1);
      this.coefR[n] = (this.gains[2] ?? 0) * (this.match[2] ?? 1);
      this.coefComp[n] = this.comp;
    }
    for (let ch = 0; ch < out.length; ch++) {
      const d = dry[ch];
      const w = wet[ch];
      const o = out[ch];
      if (!d || !w || !o) continue;
      for (let n = 0; n < frames; n++) {
        const dn = d[n] ?? 0;
        const wn = w[n] ?? 0;
        o[n] =
          (this.coefO[n] ?? 0) * dn +
          (this.coefC[n] ?? 0) * wn +
          (this.coefR[n] ?? 0) * (dn - (this.coefComp[n] ?? 1) * wn);
      }
    }
  }
}
