/**
 * "Copy embed code": puts an <iframe> snippet of this widget in its current state on the clipboard, with the
 * height the embed measures at this widget's width on the lesson (./measure-embed.ts) and the lines that let it
 * resize itself afterwards. Where the clipboard is unavailable, shows the snippet in a read-only text box,
 * selected, to copy by hand.
 */
import { useRef, useState } from 'preact/hooks';
import type { NumericParamKey } from '../../dsp/params';
import type { Lab } from '../../state/lab';
import { embedUrl, iframeSnippet, type EmbedWidget } from '../../lib/embed';
import { measureEmbed } from './measure-embed';
import { siteBase } from './site-base';
import { OWN_CLIP_ID } from '../../audio/user-file-check';

interface Props {
  lab: Lab;
  widget: EmbedWidget;
  controls?: readonly NumericParamKey[];
  panels?: readonly string[];
}

export function CopyEmbed({ lab, widget, controls, panels }: Props) {
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const copy = async () => {
    const src = embedUrl(siteBase(), widget, {
      params: lab.params.value,
      // A learner's own file stays in their browser: the embed gets the settings and its own clip.
      clipId: lab.clipId.value === OWN_CLIP_ID ? null : lab.clipId.value,
      controls: controls ?? null,
      panels: panels ?? null,
    });
    setStatus('Measuring the embed’s height…');
    const width = box.current?.parentElement?.clientWidth ?? 800;
    const heightPx = await measureEmbed(src, width);
    const snippet = iframeSnippet(src, widget, heightPx ? { heightPx } : {});
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
    <div class="cl-embed" ref={box}>
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
