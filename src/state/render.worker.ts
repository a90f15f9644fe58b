/**
 * Render Worker: holds the clips it is sent and either renders one with a params message or measures the loudness
 * of a render (render.ts runs one instance of each kind). Render results come back with their block summaries
 * (render-summary.ts; made by the kernel as it writes each piece of the render: render-steps.ts) and, when long
 * or made ahead, measured transfer (measured-transfer.ts), every buffer transferred. Renders are written into the
 * arrays of earlier renders the page gave back ('reuse', render-pool.ts) or of renders made ahead and dropped unsent
 * (render-made.ts) where it has them, into fresh ones otherwise.
 *
 * While idle, the render worker renders ahead (render-made.ts) what render.ts asks for once a render is shown:
 * the likely next settings (render-prediction.ts: the focused slider's keyboard steps), then the clips heard
 * before at the current settings; what those renders bring along (completeOne) right after the two likeliest, for
 * the others once every render wanted is made (render-made.ts FIRST_COMPLETE). It works in ~1 ms steps
 * (render-steps.ts), so a request for one of them is answered at once, a request for the one being made finishes it
 * (the render alone), and a request for anything else interrupts the work ahead after at most one step.
 */
import { integratedLoudness } from '../dsp/loudness';
import type { CompressorParams } from '../dsp/types';
import { measureLoudness, meterCopyOf, transferablesOf } from './render-job';
import type { FromRenderWorker, ToRenderWorker } from './render-protocol';
import { meterCopyAhead } from './render-prediction';
import { finish, STEP_FRAMES, summarizedSteps } from './render-steps';
import { attachRenderSummaries, summaryTransferables } from './render-summary';
import { summarize } from './block-summary';
import { measuredTransfer } from './measured-transfer';
import { MadeAhead, job, jobKey, type Made, type Ready } from './render-made';
import { ArrayPool } from './render-pool';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToRenderWorker>) => void) | null;
  postMessage(message: FromRenderWorker, transfer?: Transferable[]): void;
}

interface HeldClip {
  key: number;
  sampleRate: number;
  channels: Float32Array[];
  originalLufs: number | null;
  /** Whether the clip's own block summaries went back with a render (render.ts attaches them). */
  summarized: boolean;
}

const scope = self as unknown as WorkerScope;
const clips = new Map<number, HeldClip>();
/** The clip of the last request: renders ahead of its settings come first. */
let current: HeldClip | null = null;
/** Arrays of renders the page gave back, or of renders made ahead and dropped: renders are written into them. */
const pool = new ArrayPool();
const ahead = new MadeAhead((arrays) => pool.add(arrays.map((a) => a.buffer as ArrayBuffer)));
/**
 * Above this many samples (~44 s of stereo at 48 kHz) a render's output is copied here for the loudness Worker
 * (render.ts would otherwise copy it on the main thread, ~4 ms per million samples). A shorter clip's render is
 * sent without when it was not made ahead (sooner: the main thread copies it once renders pause).
 */
const LONG_RENDER_SAMPLES = 1 << 22;

/**
 * A render with its block summaries, in steps (render-steps.ts summarizedSteps, `chunkFrames` each: the kernel
 * summarises each piece as it writes it), and, for a long clip, its measured transfer. Run to the end at once
 * (render-steps.ts finish) when asked for. The arrays it writes into (from the pool) are listed in `arrays`.
 */
function* made(
  clip: HeldClip,
  params: CompressorParams,
  chunkFrames: number,
  arrays: Float32Array[] = [],
): Generator<void, Made, void> {
  const frames = clip.channels[0]?.length ?? 0;
  let ms = 0;
  let start = performance.now();
  const alloc = (length: number): Float32Array => {
    const a = pool.take(length);
    arrays.push(a);
    return a;
  };
  const steps = summarizedSteps(clip.channels, clip.sampleRate, params, chunkFrames, alloc);
  let step = steps.next();
  while (!step.done) {
    ms += performance.now() - start;
    yield;
    start = performance.now();
    step = steps.next();
  }
  const { render, summaries } = step.value;
  // Attached here too, so the measured transfer reads the output's whole blocks from them.
  attachRenderSummaries(render, summaries);
  // A long clip's measured transfer is made here (the page would take long); a short one's reaches the page sooner
  // without, and the page measures its transfer (a few ms) while this Worker renders the next request of a drag.
  const long = frames * clip.channels.length > LONG_RENDER_SAMPLES;
  const result: Made = { render, summaries, renderMs: 0 };
  if (long) result.transfer = measuredTransfer(clip.channels, render);
  result.renderMs = ms + performance.now() - start;
  return result;
}

/**
 * One step of what `ready`, a render made ahead, brings besides the render: its measured transfer, then, for a
 * short clip, its copy for the loudness Worker (render-prediction.ts: the copies fit the budget), so the main
 * thread neither computes the one nor copies the other. Made right after the render for the likeliest settings,
 * for the others once every render wanted ahead is made (render-made.ts FIRST_COMPLETE).
 */
function completeOne(ready: Ready): void {
  const clip = clips.get(ready.clipKey);
  const start = performance.now();
  if (clip && ready.transfer === undefined) {
    // The clip's block peaks stay cached here (block-peaks.ts), so a later render reads only its own output.
    ready.transfer = measuredTransfer(clip.channels, ready.render);
  } else {
    if (clip && meterCopyAhead(clip.channels[0]?.length ?? 0, clip.channels.length)) {
      ready.meterCopy = meterCopyOf(ready.render);
    }
    ready.complete = true;
  }
  ready.renderMs += performance.now() - start;
}

// One step of work ahead per task, scheduled through a MessageChannel (setTimeout would be clamped to 4 ms).
const tick = new MessageChannel();
let scheduled = false;
function schedule(): void {
  if (scheduled || (!ahead.making && !ahead.next() && !ahead.unfinished())) return;
  scheduled = true;
  tick.port2.postMessage(null);
}
tick.port1.onmessage = () => {
  scheduled = false;
  if (!ahead.making) {
    const first = ahead.unfinished(true);
    const next = first ? null : ahead.next();
    const clip = next ? clips.get(next.clipKey) : undefined;
    if (!next || !clip) {
      const ready = first ?? ahead.unfinished();
      if (ready) completeOne(ready);
      schedule();
      return;
    }
    const arrays: Float32Array[] = [];
    ahead.making = { ...next, arrays, steps: made(clip, next.params, STEP_FRAMES, arrays) };
  }
  const making = ahead.making;
  const step = making.steps.next();
  if (step.done) {
    ahead.making = null;
    ahead.add(making, step.value);
  }
  schedule();
};

/** The render of `params` for the current clip: made ahead, finished from a partly made one, or made now. */
function renderNow(clip: HeldClip, params: CompressorParams): Made {
  const key = jobKey(clip.key, params);
  const ready = ahead.take(key);
  if (ready) return ready;
  const partly = ahead.making?.key === key ? ahead.making : null;
  if (partly) ahead.making = null;
  return finish(partly ? partly.steps : made(clip, params, Infinity));
}

/** Make `clipKey` the current clip (the work ahead of the previous one's settings stops). */
function makeCurrent(clipKey: number): HeldClip {
  const clip = clips.get(clipKey);
  if (!clip) throw new Error('the clip changed before it could be rendered');
  if (clip !== current) {
    current = clip;
    ahead.switchTo(clipKey);
  }
  return clip;
}

/** What a 'render' request asks to be made with the render (render-protocol.ts). */
type Wanted = Pick<Extract<ToRenderWorker, { type: 'render' }>, 'meterCopy' | 'clipCopy' | 'transfer'>;

function answer(clip: HeldClip, seq: number, params: CompressorParams, start: number, wanted: Wanted): void {
  const made = renderNow(clip, params);
  const { render, summaries, renderMs, meterCopy } = made;
  const transfer = made.transfer ?? (wanted.transfer ? measuredTransfer(clip.channels, render) : undefined);
  const workMs = performance.now() - start;
  const clipSummaries = clip.summarized ? undefined : clip.channels.map((ch) => summarize(ch));
  clip.summarized = true;
  const buffers = [...transferablesOf(render), ...summaryTransferables(summaries)];
  for (const s of clipSummaries ?? []) buffers.push(s.min.buffer as ArrayBuffer, s.max.buffer as ArrayBuffer);
  const reply: FromRenderWorker = { type: 'render', seq, render, summaries, workMs, renderMs };
  if (transfer) reply.transfer = transfer;
  if (clipSummaries) reply.clipSummaries = clipSummaries;
  const long = render.output.length * (render.output[0]?.length ?? 0) > LONG_RENDER_SAMPLES;
  const copy = meterCopy ?? (long || wanted.meterCopy ? meterCopyOf(render) : undefined);
  if (copy) {
    reply.meterCopy = copy;
    for (const ch of copy) buffers.push(ch.buffer as ArrayBuffer);
  }
  if (wanted.clipCopy) {
    reply.clipCopy = clip.channels.map((ch) => ch.slice());
    for (const ch of reply.clipCopy) buffers.push(ch.buffer as ArrayBuffer);
  }
  scope.postMessage(reply, buffers);
}

function handle(msg: Exclude<ToRenderWorker, { type: 'clip' | 'forget' | 'aheadClips' | 'reuse' }>): void {
  const start = performance.now();
  if (msg.type === 'ahead') {
    if (clips.get(msg.clipKey) !== current) return;
    ahead.wantOwn(msg.clipKey, msg.params);
    schedule();
    return;
  }
  const clip = makeCurrent(msg.clipKey);
  if (msg.type === 'render') {
    answer(clip, msg.seq, msg.params, start, msg);
    // What was wanted ahead is stale now: render.ts asks again once this render is shown. (Guessing the next step
    // of a drag here at once was measured: no gain on a loaded 2-core machine, where renders outlast the steps.)
    ahead.wantOwn(clip.key, []);
    schedule();
    return;
  }
  clip.originalLufs ??= integratedLoudness(clip.channels, clip.sampleRate);
  const loudness = measureLoudness(clip.channels, msg.compressed, clip.sampleRate, msg.makeupDb, clip.originalLufs);
  scope.postMessage({ type: 'loudness', seq: msg.seq, loudness, workMs: performance.now() - start });
}

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'clip') {
    const clip = { key: msg.clipKey, sampleRate: msg.sampleRate, channels: msg.channels };
    clips.set(msg.clipKey, { ...clip, originalLufs: null, summarized: false });
    makeCurrent(msg.clipKey);
    return;
  }
  if (msg.type === 'reuse') {
    pool.add(msg.buffers);
    return;
  }
  if (msg.type === 'forget') {
    clips.delete(msg.clipKey);
    ahead.forget(msg.clipKey);
    if (current?.key === msg.clipKey) current = null;
    return;
  }
  if (msg.type === 'aheadClips') {
    const held = msg.jobs.filter((j) => clips.has(j.clipKey));
    ahead.wantOthers(
      current?.key ?? 0,
      held.map((j) => job(j.clipKey, j.params)),
    );
    schedule();
    return;
  }
  try {
    handle(msg);
  } catch (error) {
    if (msg.type === 'ahead') return;
    scope.postMessage({ type: 'error', seq: msg.seq, message: error instanceof Error ? error.message : String(error) });
  }
};
