/**
 * "Copy embed code": puts an <iframe> snippet of this widget in its current state on the clipboard. Where the
 * clipboard is unavailable, shows the snippet in a read-only text box, selected, to copy by hand.
 */
import { useState } from 'preact/hooks';
import type { NumericParamKey } from '../../dsp/params';
import type { Lab } from '../../state/lab';
import { embedUrl, iframeSnippet, type EmbedWidget } from '../../lib/embed';

interface Props {
  lab: Lab;
  widget: EmbedWidget;
  controls?: readonly NumericParamKey[];
  panels?: readonly string[];
}

function siteBase(): string {
  return `${location.origin}${import.meta.env.BASE_URL.replace(/\/?$/, '/')}`;
}

export function CopyEmbed({ lab, widget, controls, panels }: Props) {
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<string | null>(null);
  const copy = async () => {
    const src = embedUrl(siteBase(), widget, {
      params: lab.params.value,
      clipId: lab.clipId.value,
      controls: controls ?? null,
      panels: panels ?? null,
    });
    const snippet = iframeSnippet(src, widget);
    try {
      await navigator.clipboard.writeText(snippet);
      setManual(null);
      setStatus('Embed code copied. Paste it into your page’s HTML.');
    } catch {
      setManual(snippet);
      setStatus('Copy the embed code below.');
    }
  };
  return (
    <div class="cl-embed">
      <button type="button" class="cl-button" onClick={() => void copy()}>
        Copy embed code
      </button>
      <span class="cl-status" role="status">
        {status}
      </span>
      {manual !== null && (
        <textarea
          class="cl-embed-code"
          readOnly
          rows={3}
          aria-label="Embed code"
          value={manual}
          ref={(el) => el?.select()}
        />
      )}
    </div>
  );
}
