/**
 * Embedding: the widgets a teacher can put in an <iframe>, the URL of an embed page for a given state, and the
 * HTML snippet to paste. Every value that enters the snippet is escaped for an HTML attribute.
 */
import type { NumericParamKey } from '../dsp/params';
import type { CompressorParams } from '../dsp/types';
import { serializeUrlState } from './url-state';
import { resizeScript } from './embed-protocol';
import { PRACTICE_EMBEDS, type PracticeEmbed } from './practice/embeds';

/**
 * `heightPx`: the embed's content height with the default controls on the vocal clip, in an iframe 1264 px wide
 * (a 1280 px window), measured — tests/e2e/teach.spec.ts checks each to within 4 px. A snippet made where the
 * embed can be measured (the builder, Copy embed code) uses the measured height of that state instead.
 */
export const EMBED_WIDGETS = {
  'transfer-curve': { title: 'Transfer curve', heightPx: 1218 },
  envelope: { title: 'Level and gain reduction over time', heightPx: 1132 },
  waveform: { title: 'Waveform before and after', heightPx: 1046 },
  'gain-meter': { title: 'Gain-reduction meter', heightPx: 823 },
  controls: { title: 'Compressor settings', heightPx: 291 },
  workbench: { title: 'Compressor workbench', heightPx: 2165 },
  'close-up': { title: 'Close-up: attack and release on one hit', heightPx: 1450 },
  exercise: { title: 'Exercise: set it and check', heightPx: 1316 },
  player: { title: 'Listen: original, compressed, or what was removed', heightPx: 440 },
} as const;

export type EmbedWidget = keyof typeof EMBED_WIDGETS;

/** Every embed page: the widgets and the practice drills (/embed/practice-<drill>/). */
export type EmbedName = EmbedWidget | `practice-${PracticeEmbed}`;
export const EMBEDS: Record<EmbedName, { title: string; heightPx: number }> = {
  ...EMBED_WIDGETS,
  ...(Object.fromEntries(
    Object.entries(PRACTICE_EMBEDS).map(([drill, { title, heightPx }]) => [`practice-${drill}`, { title, heightPx }]),
  ) as Record<`practice-${PracticeEmbed}`, { title: string; heightPx: number }>),
};
export const EMBED_NAMES = Object.keys(EMBEDS) as EmbedName[];

export function isEmbedWidget(name: string): name is EmbedWidget {
  return Object.hasOwn(EMBED_WIDGETS, name);
}

/** Escapes text for use inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Absolute URL of the embed page for a widget in a given state. `siteBase` is origin + base path, e.g. "https://x.org/lab/". */
export function embedUrl(
  siteBase: string,
  widget: EmbedWidget,
  state: {
    params: CompressorParams;
    clipId: string | null;
    controls?: readonly NumericParamKey[] | null;
    panels?: readonly string[] | null;
  },
): string {
  const base = siteBase.endsWith('/') ? siteBase : `${siteBase}/`;
  return `${base}embed/${widget}/?${serializeUrlState(state)}`;
}

/**
 * The iframe snippet a teacher pastes into a page: the iframe at `heightPx` (measured from the content; the
 * widget's default-state height when not given) and, unless `resize` is false, the few lines that let the embed
 * set its own height afterwards (src/lib/embed-protocol.ts), accepting messages only from `src`'s origin.
 */
export function iframeSnippet(
  src: string,
  widget: EmbedName,
  { heightPx = EMBEDS[widget].heightPx, resize = true }: { heightPx?: number; resize?: boolean } = {},
): string {
  const { title } = EMBEDS[widget];
  const iframe =
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(`${title} · Compressor Lab`)}" ` +
    `width="100%" height="${Math.ceil(heightPx)}" style="border:0;max-width:100%" loading="lazy" allow="autoplay"></iframe>`;
  return resize ? `${iframe}\n${resizeScript(new URL(src).origin)}` : iframe;
}
