/**
 * Render Worker: keeps the current clip and either renders it with a params message or measures the loudness of
 * a render (render.ts runs one instance of each kind). Render results come back with their block summaries
 * (render-summary.ts), every buffer transferred.
 *
 * While idle, the render worker also renders ahead the settings render.ts predicts (render-prediction.ts), in
 * ~1 ms steps (render-steps.ts), so a request for one of them is answered at once, and a request for anything
 * else interrupts the work ahead after at most one step. render.ts asks for as many renders ahead as fit its
 * memory budget (render-prediction.ts aheadCount); the worker keeps no more than those it was last asked for.
 */
import { integratedLoudness } from '../dsp/loudness';
import type { CompressorParams, OfflineRender } from '../dsp/types';
import { measureLoudness, transferablesOf } from './render-job';
import type { FromRenderWorker, ToRenderWorker } from './render-protocol';
import { paramsKey } from './render-prediction';
import { finish, renderSteps } from './render-steps';
import { summarizeRender, summaryTransferables, type RenderSummaries } from './render-summary';
import { summarize } from './block-summary';
import { measuredTransfer } from './measured-transfer';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToRenderWorker>) => void) | null;
  postMessage(message: FromRenderWorker, transfer?: Transferable[]): void;
}

interface Ahead {
  key: string;
  steps: Generator<void, OfflineRender, void>;
  /** Time spent on its steps so far, ms. */
  ms: number;
}

interface Made {
  render: OfflineRender;
  summaries: RenderSummaries;
  /** Time the render and its summaries took, whenever they were made, ms. */
  renderMs: number;
}

const scope = self as unknown as WorkerScope;
let clip: {
  key: number;
  sampleRate: number;
  channels: Float32Array[];
  originalLufs: number | null;
  /** Whether the clip's own block summaries went back with a render (render.ts attaches them). */
  summarized: boolean;
} | null = null;
/** Renders made ahead, by paramsKey (newest last), the one being made and the ones still to make. */
const ready = new Map<string, Made>();
let making: Ahead | null = null;
let toMake: CompressorParams[] = [];
/** The most renders ahead kept: as many as the last 'ahead' message asked for. */
let keepAhead = 0;
/**
 * Above this many samples (~44 s of stereo at 48 kHz) a render's output is copied here for the loudness Worker
 * (render.ts would otherwise copy it on the main thread, ~4 ms per million samples) and its measured transfer is
 * computed here (~30 ms per million samples on the main thread). A shorter clip's render is sent without them,
 * sooner: the main thread's share is a few ms.
 */
const LONG_RENDER_SAMPLES = 1 << 22;

// One step of work ahead per task, scheduled through a MessageChannel (setTimeout would be clamped to 4 ms).
const tick = new MessageChannel();
let scheduled = false;
function schedule(): void {
  if (scheduled || (!making && toMake.length === 0)) return;
  scheduled = true;
  tick.port2.postMessage(null);
}
tick.port1.onmessage = () => {
  scheduled = false;
  if (!clip) return;
  if (!making) {
    const params = toMake.shift();
    if (!params) return;
    making = { key: paramsKey(params), steps: renderSteps(clip.channels, clip.sampleRate, params), ms: 0 };
  }
  const start = performance.now();
  const next = making.steps.next();
  if (next.done) {
    const summaries = summarizeRender(next.value);
    ready.set(making.key, { render: next.value, summaries, renderMs: making.ms + performance.now() - start });
    while (ready.size > keepAhead) ready.delete(ready.keys().next().value as string);
    making = null;
  } else making.ms += performance.now() - start;
  schedule();
};

function dropAhead(): void {
  ready.clear();
  making = null;
  toMake = [];
}

function renderNow(params: CompressorParams): Made {
  const key = paramsKey(params);
  const made = ready.get(key);
  if (made) return made;
  const c = clip as NonNullable<typeof clip>;
  const start = performance.now();
  // Finish a render ahead of these very settings (it is partly done), or start afresh.
  const partly = making?.key === key ? making : null;
  const render = partly ? finish(partly.steps) : finish(renderSteps(c.channels, c.sampleRate, params, Infinity));
  const summaries = summarizeRender(render);
  return { render, summaries, renderMs: (partly?.ms ?? 0) + performance.now() - start };
}

function handle(msg: Exclude<ToRenderWorker, { type: 'clip' }>): void {
  if (!clip || clip.key !== msg.clipKey) throw new Error('the clip changed before it could be rendered');
  const start = performance.now();
  if (msg.type === 'ahead') {
    keepAhead = msg.params.length;
    const wanted = new Set(msg.params.map(paramsKey));
    for (const key of [...ready.keys()]) if (!wanted.has(key)) ready.delete(key);
    if (making && !wanted.has(making.key)) making = null;
    toMake = msg.params.filter((p) => !ready.has(paramsKey(p)) && paramsKey(p) !== making?.key);
    schedule();
    return;
  }
  if (msg.type === 'render') {
    const { render, summaries, renderMs } = renderNow(msg.params);
    // Whatever was made ahead is stale now: render.ts asks again after this render is shown.
    dropAhead();
    const workMs = performance.now() - start;
    const clipSummaries = clip.summarized ? undefined : clip.channels.map((ch) => summarize(ch));
    const long = render.output.length * (render.output[0]?.length ?? 0) > LONG_RENDER_SAMPLES;
    clip.summarized = true;
    const buffers = [...transferablesOf(render), ...summaryTransferables(summaries)];
    for (const s of clipSummaries ?? []) buffers.push(s.min.buffer as ArrayBuffer, s.max.buffer as ArrayBuffer);
    const reply: FromRenderWorker = { type: 'render', seq: msg.seq, render, summaries, workMs, renderMs };
    if (clipSummaries) reply.clipSummaries = clipSummaries;
    if (long) {
      // The clip's block peaks stay cached here (block-peaks.ts), so a later render reads only its own output.
      reply.transfer = measuredTransfer(clip.channels, render);
      reply.meterCopy = render.output.map((ch) => ch.slice());
      for (const ch of reply.meterCopy) buffers.push(ch.buffer as ArrayBuffer);
    }
    scope.postMessage(reply, buffers);
    return;
  }
  clip.originalLufs ??= integratedLoudness(clip.channels, clip.sampleRate);
  const loudness = measureLoudness(clip.channels, msg.compressed, clip.sampleRate, msg.makeupDb, clip.originalLufs);
  scope.postMessage({ type: 'loudness', seq: msg.seq, loudness, workMs: performance.now() - start });
}

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'clip') {
    dropAhead();
    clip = {
      key: msg.clipKey,
      sampleRate: msg.sampleRate,
      channels: msg.channels,
      originalLufs: null,
      summarized: false,
    };
    return;
  }
  try {
    handle(msg);
  } catch (error) {
    if (msg.type === 'ahead') return;
    scope.postMessage({ type: 'error', seq: msg.seq, message: error instanceof Error ? error.message : String(error) });
  }
};
