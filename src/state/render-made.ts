/**
 * What the render Worker holds besides its clips (pure, no DOM): renders made ahead, by clip and settings, and
 * the queue of renders still to make. A render made ahead is exactly the render a request for the same clip and
 * settings would make (renders are deterministic), so it answers that request.
 *
 * Two lists say what is wanted: the current clip's settings ('ahead' from render.ts, or the Worker's own guess
 * right after a request: render-prediction.ts predictNext) and other clips at the current settings
 * ('aheadClips'). Each new list drops the renders of its kind that it no longer wants, so the memory held is
 * bounded by the lists' lengths (render.ts sizes them by render-prediction.ts's budgets).
 */
import { renderArrays } from '../dsp/block-extremes';
import type { CompressorParams, OfflineRender } from '../dsp/types';
import type { MeasuredBin } from './measured-transfer';
import { paramsKey } from './render-prediction';
import type { RenderSummaries } from './render-summary';

export interface Job {
  clipKey: number;
  params: CompressorParams;
  /** jobKey(clipKey, params). */
  key: string;
}

/** A job being made, in steps (render-steps.ts, with its summaries). */
export interface Making extends Job {
  steps: Generator<void, Made, void>;
  /** The arrays it is being written into (given back through `drop` if it is dropped part way). */
  arrays: Float32Array[];
}

export interface Made {
  render: OfflineRender;
  summaries: RenderSummaries;
  /** Its measured transfer (for a long clip, or made ahead with time to spare). */
  transfer?: MeasuredBin[];
  /** Time the render, its summaries and its measured transfer took, whenever they were made, ms. */
  renderMs: number;
  /** A copy of render.output for the loudness Worker (made ahead for short clips, with time to spare). */
  meterCopy?: Float32Array[];
}

/** A render made ahead, kept for its clip; `complete` once what it brings along is made too (render.worker.ts). */
export interface Ready extends Made {
  clipKey: number;
  complete: boolean;
}

/**
 * How many of the current clip's wanted settings get what a render made ahead brings along right after the render
 * (render.worker.ts completeOne): the two steps render-prediction.ts predicts first (a drag's next step, a key's
 * step back) are the likeliest to be shown; the others' wait until every render wanted is made, so during a drag
 * the renders come first and a render never shown costs no more than itself.
 */
export const FIRST_COMPLETE = 2;

/** Equal for equal clips and settings. */
export function jobKey(clipKey: number, params: CompressorParams): string {
  return `${clipKey}|${paramsKey(params)}`;
}

export function job(clipKey: number, params: CompressorParams): Job {
  return { clipKey, params, key: jobKey(clipKey, params) };
}

/** Every per-sample array of a render made (its output, traces and any loudness copy). */
function arraysOf(made: Made): Float32Array[] {
  return [...renderArrays(made.render), ...(made.meterCopy ?? [])];
}

export class MadeAhead {
  /** Renders made, oldest first. */
  private readonly ready = new Map<string, Ready>();
  private own: Job[] = [];
  private others: Job[] = [];
  /** The job being made (render.worker.ts steps it), if any. */
  making: Making | null = null;

  /**
   * `drop` receives the arrays of every render dropped unsent (no longer wanted, or stopped part way), so they
   * can be written into again (render.worker.ts gives them to its pool: render-pool.ts).
   */
  constructor(private readonly drop: (arrays: Float32Array[]) => void = () => undefined) {}

  /** Take (and forget) the render made for this job, if there is one. */
  take(key: string): Made | undefined {
    const made = this.ready.get(key);
    this.ready.delete(key);
    return made;
  }

  has(key: string): boolean {
    return this.ready.has(key);
  }

  get size(): number {
    return this.ready.size;
  }

  /** Keep a finished render if it is still wanted (what it brings along still to make). */
  add(j: Job, made: Made): void {
    if (this.wanted(j.key)) this.ready.set(j.key, { ...made, clipKey: j.clipKey, complete: false });
    else this.drop(arraysOf(made));
  }

  /**
   * A render kept whose companions are still to make, null when all are complete: with `first`, only one of the
   * current clip's first FIRST_COMPLETE wanted settings (made right after it), else any, oldest first.
   */
  unfinished(first = false): Ready | null {
    if (first) {
      for (const j of this.own.slice(0, FIRST_COMPLETE)) {
        const r = this.ready.get(j.key);
        if (r && !r.complete) return r;
      }
      return null;
    }
    for (const r of this.ready.values()) if (!r.complete) return r;
    return null;
  }

  /**
   * The current clip's wanted settings, most likely first: renders of that clip not among them are dropped, and
   * so is the one being made if it is not among them.
   */
  wantOwn(clipKey: number, params: readonly CompressorParams[]): void {
    this.own = params.map((p) => job(clipKey, p));
    this.prune((clip) => clip === clipKey, this.own);
    if (this.making?.clipKey === clipKey && !this.own.some((j) => j.key === this.making?.key)) this.stopMaking();
  }

  /**
   * Another clip is now the current one: its renders made ahead stay (one may answer the request that switched),
   * the previous clip's settings are no longer wanted first.
   */
  switchTo(clipKey: number): void {
    this.own = [];
    const making = this.making;
    if (making && making.clipKey !== clipKey && !this.others.some((j) => j.key === making.key)) this.stopMaking();
  }

  /** Other clips to render at their settings after the current clip's: renders of other clips not listed go. */
  wantOthers(currentClip: number, jobs: readonly Job[]): void {
    this.others = jobs.filter((j) => j.clipKey !== currentClip);
    this.prune((clip) => clip !== currentClip, this.others);
    if (this.making && this.making.clipKey !== currentClip && !this.wanted(this.making.key)) this.stopMaking();
  }

  /** Forget everything about one clip (its renders, its jobs). */
  forget(clipKey: number): void {
    this.prune((clip) => clip === clipKey, []);
    this.own = this.own.filter((j) => j.clipKey !== clipKey);
    this.others = this.others.filter((j) => j.clipKey !== clipKey);
    if (this.making?.clipKey === clipKey) this.stopMaking();
  }

  /** The next job to make: the current clip's first, each once; null when all are made or being made. */
  next(): Job | null {
    for (const j of [...this.own, ...this.others]) {
      if (!this.ready.has(j.key) && j.key !== this.making?.key) return j;
    }
    return null;
  }

  private wanted(key: string): boolean {
    return this.own.some((j) => j.key === key) || this.others.some((j) => j.key === key);
  }

  private prune(ofKind: (clipKey: number) => boolean, keep: readonly Job[]): void {
    const keys = new Set(keep.map((j) => j.key));
    for (const [key, made] of this.ready) {
      if (!ofKind(made.clipKey) || keys.has(key)) continue;
      this.ready.delete(key);
      this.drop(arraysOf(made));
    }
  }

  /** Drop the job being made, its arrays given back. */
  private stopMaking(): void {
    if (this.making) this.drop(this.making.arrays);
    this.making = null;
  }
}
