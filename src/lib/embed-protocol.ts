/**
 * The messages an embed sends to the page that holds its <iframe> (window.parent.postMessage), version 1. This is
 * the one definition every embed speaks: the widgets (/embed/<widget>/, the player too) and the practice drills
 * (/embed/practice-<drill>/). Every message is a plain object `{ source: 'compressor-lab', version: 1, type,
 * widget, … }`:
 *
 *   ready          { clip, params }            once, when the learner sees the embed's own state (its clip loaded)
 *   resize         { height }                  the content's height in CSS pixels (whole number, rounded up)
 *   settingchange  { clip, params }            a setting or the clip changed (coalesced, at most one per 250 ms)
 *   play | pause   { clip, positionS }         playback started or stopped (positionS null: no single timeline)
 *   result         { clip, params, task, verdict, passed, score, message, measured }   an exercise or drill result
 *
 * `clip` is a clip id, or null where nothing is played (the questions). `params` uses the URL names (threshold,
 * ratio, …; ratio ∞ is the string "inf"); a drill without settings sends {}. `score` is 0..1 (xAPI's "scaled"):
 * an exercise's verdict 1 or 0, a quiz answer 1 or 0, the match game's credit, a finished drill's share of right
 * answers; `measured` is what a drill or the match game measured ({ name, value, unit }), else null. Models: H5P's
 * resizer handshake and PhET's wrapper events. A host must check `event.source === iframe.contentWindow` and
 * `event.origin` before trusting a message; the snippet below does. Pure: no DOM here.
 */
import { DEFAULT_PARAMS, SHORT_NAMES } from '../dsp/params';
import type { CompressorParams } from '../dsp/types';

export const PROTOCOL_SOURCE = 'compressor-lab';
export const PROTOCOL_VERSION = 1;
export const EVENT_TYPES = ['ready', 'resize', 'settingchange', 'play', 'pause', 'result'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type UrlParams = Record<string, number | string>;

interface Base {
  source: typeof PROTOCOL_SOURCE;
  version: typeof PROTOCOL_VERSION;
  widget: string;
}
export interface Measured {
  name: string;
  value: number;
  unit: string;
}
export interface Payloads {
  resize: { height: number };
  ready: { clip: string | null; params: UrlParams };
  settingchange: { clip: string | null; params: UrlParams };
  play: { clip: string; positionS: number | null };
  pause: { clip: string; positionS: number | null };
  /**
   * `task`: which exercise, drill or question; `verdict`: the exercise's (good, close, too-many, too-little,
   * too-much), "finished" for a drill, "right"/"wrong" for a question, "scored" for a match.
   */
  result: {
    clip: string | null;
    params: UrlParams;
    task: string;
    verdict: string;
    passed: boolean;
    score: number;
    message: string;
    measured: Measured | null;
  };
}
export type EmbedMessage = { [T in EventType]: Base & { type: T } & Payloads[T] }[EventType];

export function embedMessage<T extends EventType>(type: T, widget: string, payload: Payloads[T]): EmbedMessage {
  return { source: PROTOCOL_SOURCE, version: PROTOCOL_VERSION, type, widget, ...payload } as EmbedMessage;
}

/** Every parameter under its URL name (the short names the command line uses), ∞ written "inf". */
export function urlParams(params: CompressorParams): UrlParams {
  const out: UrlParams = {};
  for (const [name, key] of Object.entries(SHORT_NAMES) as [string, keyof CompressorParams][]) {
    if (!Object.hasOwn(DEFAULT_PARAMS, key)) continue;
    const value = params[key];
    out[name] = value === Infinity ? 'inf' : value;
  }
  return out;
}

/** A message from an embed, or null for anything else (other sources, other versions, malformed). */
export function readEmbedMessage(data: unknown): EmbedMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m['source'] !== PROTOCOL_SOURCE || m['version'] !== PROTOCOL_VERSION) return null;
  if (typeof m['type'] !== 'string' || !(EVENT_TYPES as readonly string[]).includes(m['type'])) return null;
  if (m['type'] === 'resize' && !(typeof m['height'] === 'number' && Number.isFinite(m['height']))) return null;
  return data as EmbedMessage;
}

/** The content height to report: whole CSS pixels, rounded up so the frame never clips a fraction. */
export function contentHeight(rectHeight: number): number {
  return Math.max(0, Math.ceil(rectHeight));
}

/**
 * The lines a teacher pastes after the iframe(s): apply each embed's reported height to the iframe it came from,
 * only for messages from that iframe's own window and from the site's origin. One listener serves every embed.
 */
export function resizeScript(origin: string): string {
  return [
    '<script>',
    'addEventListener("message", function (e) {',
    `  var d = e.data; if (e.origin !== ${JSON.stringify(origin)} || !d || d.source !== "${PROTOCOL_SOURCE}" || d.type !== "resize") return;`,
    '  document.querySelectorAll("iframe").forEach(function (f) { if (f.contentWindow === e.source) f.style.height = d.height + "px"; });',
    '});',
    '</script>',
  ].join('\n');
}
