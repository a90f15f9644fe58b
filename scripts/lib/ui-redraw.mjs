// How long a change takes to reach the screen (part of `npm run bench:ui`), measured inside the page:
// - every change is an input the learner makes (a key press on the Threshold slider, a step of a mouse drag across
//   it, a choice in the clip menu), timed from the moment the page receives it;
// - the time views (envelope + waveform) have redrawn a change once the render of settings at least as new as the
//   change has arrived from the render Worker and the plots' SVG stopped changing: the first render request sent
//   at or after the input is the one that shows it (later inputs may be folded into the same request), and its
//   redraw ends with the last SVG mutation before the next render arrives;
// - the transfer curve has redrawn a change with the first SVG mutation after the input (its curve does not wait
//   for a render).
// The offline render in the Worker is included: it is part of what the learner waits for.

/** Installed before any page script: notes every render request to the Worker and every render that comes back. */
export function traceRenders() {
  const Native = window.Worker;
  /** @type {{ seq: number, t: number }[]} */
  const sent = [];
  /** @type {{ seq: number, t: number, workMs: number }[]} */
  const arrived = [];
  Object.assign(window, { __clSent: sent, __clArrived: arrived });
  window.Worker = class extends Native {
    /** @param {string | URL} url @param {WorkerOptions} [options] */
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => {
        const data = event.data;
        if (data && data.type === 'render') arrived.push({ seq: data.seq, t: performance.now(), workMs: data.workMs });
      });
    }
    /** @param {unknown} message @param {Transferable[] | StructuredSerializeOptions} [transfer] */
    postMessage(message, transfer) {
      const m = /** @type {{ type?: string, seq?: number }} */ (message);
      if (m && m.type === 'render' && typeof m.seq === 'number') sent.push({ seq: m.seq, t: performance.now() });
      // @ts-expect-error both overloads are passed through as given
      super.postMessage(message, transfer);
    }
  };
}

/**
 * Starts watching SVG mutations under `selector` (elements that stay while their plots come and go) and the
 * inputs the page receives; `collect` reads them.
 */
export function watchSvg(selector) {
  /** @type {number[]} */
  const times = [];
  /** @type {number[]} */
  const inputs = [];
  const mo = new MutationObserver((records) => {
    const t = performance.now();
    const drawn = (/** @type {Node} */ n) =>
      n instanceof SVGElement || (n instanceof HTMLElement && n.querySelector('svg') !== null);
    if (records.some((r) => r.target instanceof SVGElement || [...r.addedNodes].some(drawn))) times.push(t);
  });
  for (const el of document.querySelectorAll(selector)) {
    mo.observe(el, { childList: true, subtree: true, attributes: true, characterData: true });
  }
  const note = () => inputs.push(performance.now());
  // Capture phase: the moment the page receives the input, before any handler runs.
  for (const type of ['keydown', 'input', 'change']) document.addEventListener(type, note, true);
  Object.assign(window, {
    __clWatch: {
      times,
      inputs,
      stop: () => {
        mo.disconnect();
        for (const type of ['keydown', 'input', 'change']) document.removeEventListener(type, note, true);
      },
    },
  });
}

/**
 * Latency per input, ms, for the time views (render-based: see the header) or the transfer curve (first mutation),
 * and for the time views how much of it was spent waiting for the render to arrive.
 * @param {'render' | 'first'} how
 */
export function collect(how) {
  const w = window.__clWatch;
  w.stop();
  const sent = window.__clSent ?? [];
  const arrived = window.__clArrived ?? [];
  // One input event per change: a key press fires keydown then input (and maybe change); a drag step fires input.
  const inputs = [];
  for (const t of w.inputs) if (inputs.length === 0 || t - inputs[inputs.length - 1] > 4) inputs.push(t);
  const out = [];
  const waits = [];
  for (const t of inputs) {
    if (how === 'first') {
      const m = w.times.find((x) => x >= t);
      if (m !== undefined) out.push(m - t);
      continue;
    }
    const request = sent.find((s) => s.t >= t);
    if (!request) continue;
    const reply = arrived.find((a) => a.seq === request.seq);
    if (!reply) continue;
    const next = arrived.find((a) => a.t > reply.t);
    const until = next ? next.t : Infinity;
    const drawn = w.times.filter((x) => x >= reply.t && x < until);
    if (drawn.length === 0) continue;
    out.push(drawn[drawn.length - 1] - t);
    waits.push(reply.t - t);
  }
  return { times: out, waits };
}
