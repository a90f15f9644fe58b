/**
 * The messages an embed sends to the page that holds its <iframe> (window.parent.postMessage), version 1.
 * Every message is a plain object `{ source: 'compressor-lab', version: 1, type, widget, … }`:
 *
 *   ready          { clip, params }            the widget has mounted and read its settings
 *   resize         { height }                  the content's height in CSS pixels (whole number, rounded up)
 *   settingchange  { clip, params }            a control or the clip changed (coalesced, at most one per 250 ms)
 *   play | pause   { clip, positionS }         playback started or stopped
 *   result         { clip, params, verdict, passed, score, message }   an exercise's "Check my setting" verdict
 *
 * `params` uses the URL names (threshold, ratio, …; ratio ∞ is the string "inf"). Models: H5P's resizer handshake
 * and PhET's wrapper events. A host must check `event.source === iframe.contentWindow` and `event.origin` before
 * trusting a message; the snippet below does. Pure: no DOM here.
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
interface Payloads {
  resize: { height: number };
  ready: { clip: string; params: UrlParams };
  settingchange: { clip: string; params: UrlParams };
  play: { clip: string; positionS: number };
  pause: { clip: string; positionS: number };
  /** `verdict`: good, close, too-many, too-little, too-much; `score` 1 when passed (good), else 0. */
  result: { clip: string; params: UrlParams; verdict: string; passed: boolean; score: 0 | 1; message: string };
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
