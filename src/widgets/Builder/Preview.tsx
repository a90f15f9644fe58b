/**
 * The builder's live preview and what comes of it: the embed in an iframe that takes the height the embed reports
 * (src/lib/embed-protocol.ts), the snippet with that measured height, and the last messages the embed sent.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { EMBEDS, iframeSnippet, type EmbedName } from '../../lib/embed';
import { readEmbedMessage } from '../../lib/embed-protocol';
import { Section } from './Fields';

const PREVIEW_DELAY_MS = 400;

export function Preview({ src, widget }: { src: string; widget: EmbedName }) {
  const [withScript, setWithScript] = useState(true);
  const [height, setHeight] = useState<number | null>(null);
  const [events, setEvents] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const frame = useRef<HTMLIFrameElement>(null);

  // The preview reloads at most about twice a second while a slider moves.
  const [previewSrc, setPreviewSrc] = useState(src);
  useEffect(() => {
    const timer = setTimeout(() => setPreviewSrc(src), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [src]);
  // A new preview: its height is measured again and the log shows its own messages.
  useEffect(() => {
    setHeight(null);
    setEvents([]);
  }, [previewSrc]);

  useEffect(() => {
    const onMessage = (event: MessageEvent): void => {
      if (event.source !== frame.current?.contentWindow || event.origin !== location.origin) return;
      const message = readEmbedMessage(event.data);
      if (!message) return;
      if (message.type === 'resize') setHeight(message.height);
      setEvents((list) => [...list.slice(-4), `${message.type} ${JSON.stringify(message).slice(0, 90)}`]);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const snippet = iframeSnippet(src, widget, { resize: withScript, ...(height ? { heightPx: height } : {}) });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus('Embed code copied. Paste it into your page’s HTML.');
    } catch {
      setStatus('Select the embed code above and copy it.');
    }
  };

  return (
    <>
      <Section slug="preview">
        <iframe
          ref={frame}
          class="cl-builder-preview"
          src={previewSrc}
          title="Preview of the embed"
          style={{ height: `${height ?? EMBEDS[widget].heightPx}px` }}
        />
        <p>
          {height
            ? `Height measured from the preview at ${frame.current?.clientWidth ?? 0} px wide: ${height} px.`
            : 'Measuring the preview…'}
        </p>
      </Section>
      <Section slug="embed-code">
        <label class="cl-builder-check">
          <input type="checkbox" checked={withScript} onChange={(e) => setWithScript(e.currentTarget.checked)} />
          Include the lines that let the embed set its own height
        </label>
        <textarea class="cl-builder-code" readOnly rows={withScript ? 9 : 4} aria-label="Embed code" value={snippet} />
        <div class="cl-toolbar">
          <button type="button" class="cl-button" onClick={() => void copy()}>
            Copy embed code
          </button>
          <span class="cl-status" role="status">
            {status}
          </span>
        </div>
      </Section>
      <Section slug="messages">
        <ol class="cl-builder-log" aria-label="Last messages from the preview">
          {events.map((line, i) => (
            <li key={`${i}-${line}`}>{line}</li>
          ))}
        </ol>
      </Section>
    </>
  );
}
