/**
 * Embedding: the widgets a teacher can put in an <iframe>, the URL of an embed page for a given state, and the
 * HTML snippet to paste. Every value that enters the snippet is escaped for an HTML attribute.
 */
import type { NumericParamKey } from '../dsp/params';
import type { CompressorParams } from '../dsp/types';
import { serializeUrlState } from './url-state';

export const EMBED_WIDGETS = {
  'transfer-curve': { title: 'Transfer curve', heightPx: 760 },
  envelope: { title: 'Level and gain reduction over time', heightPx: 820 },
  waveform: { title: 'Waveform before and after', heightPx: 700 },
  'gain-meter': { title: 'Gain-reduction meter', heightPx: 520 },
  controls: { title: 'Compressor settings', heightPx: 460 },
  workbench: { title: 'Compressor workbench', heightPx: 1500 },
  'close-up': { title: 'Close-up: attack and release on one hit', heightPx: 1500 },
} as const;

export type EmbedWidget = keyof typeof EMBED_WIDGETS;

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
    clipId: string;
    controls?: readonly NumericParamKey[] | null;
    panels?: readonly string[] | null;
  },
): string {
  const base = siteBase.endsWith('/') ? siteBase : `${siteBase}/`;
  return `${base}embed/${widget}/?${serializeUrlState(state)}`;
}

/** The iframe snippet a teacher pastes into a page. */
export function iframeSnippet(src: string, widget: EmbedWidget): string {
  const { title, heightPx } = EMBED_WIDGETS[widget];
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(`${title} · Compressor Lab`)}" ` +
    `width="100%" height="${heightPx}" style="border:0;max-width:100%" loading="lazy" allow="autoplay"></iframe>`
  );
}
