/**
 * The embed builder (/teach/): a teacher chooses a widget, a clip, its settings, which sliders show and which are
 * locked, what to hide and the theme; a live preview shows the embed, and the snippet to copy carries the height
 * the preview reports (src/lib/embed-protocol.ts) — measured from the content, not guessed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { PARAM_SPECS, type NumericParamKey } from '../../dsp/params';
import { EMBED_WIDGETS, iframeSnippet, type EmbedWidget } from '../../lib/embed';
import { HIDEABLE, THEMES, type Hideable, type Theme } from '../../lib/embed-options';
import { readEmbedMessage } from '../../lib/embed-protocol';
import { loadManifest } from '../../audio/clips';
import Controls from '../Controls/Controls';
import { useLab } from '../shared/use-lab';
import { DEFAULT_PANELS, PANELS, type Panel } from '../Workbench/model';
import { OFFERED, builderPath, toggled, type BuilderChoice } from './model';
import '../shared/widgets.css';
import './builder.css';
import { siteBase } from '../shared/site-base';

const HIDE_LABELS: Record<Hideable, string> = {
  clip: 'Clip menu',
  listen: 'Listen modes',
  reset: 'Reset button',
  file: 'Own file',
};
const THEME_LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', auto: 'Reader’s system' };
const WIDGETS = Object.keys(EMBED_WIDGETS) as EmbedWidget[];

function Checks<T extends string>(props: {
  legend: string;
  all: readonly T[];
  on: readonly T[];
  label: (item: T) => string;
  set: (next: T[]) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div class="cl-builder-choices">
        {props.all.map((item) => (
          <label key={item}>
            <input
              type="checkbox"
              checked={props.on.includes(item)}
              onChange={(e) => props.set(toggled(props.on, item, e.currentTarget.checked, props.all))}
            />
            {props.label(item)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export default function Builder() {
  const lab = useLab('builder');
  const [widget, setWidget] = useState<EmbedWidget>('workbench');
  const [clips, setClips] = useState<{ id: string; title: string }[]>([]);
  const [clipId, setClipId] = useState('drums');
  const [controls, setControls] = useState<NumericParamKey[]>(['thresholdDb', 'ratio']);
  const [lock, setLock] = useState<NumericParamKey[]>([]);
  const [panels, setPanels] = useState<Panel[]>([...DEFAULT_PANELS]);
  const [hide, setHide] = useState<Hideable[]>([]);
  const [theme, setTheme] = useState<Theme>('auto');
  const [withScript, setWithScript] = useState(true);
  const [height, setHeight] = useState<number | null>(null);
  const [events, setEvents] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    loadManifest()
      .then((m) => setClips(m.clips.map((c) => ({ id: c.id, title: c.title }))))
      .catch(() => setStatus('The clip list could not be loaded.'));
  }, []);

  const choice: BuilderChoice = { widget, clipId, params: lab.params.value, controls, panels, hide, lock, theme };
  const src = `${siteBase()}${builderPath(choice)}`;
  // The preview reloads at most twice a second while a slider moves.
  const [previewSrc, setPreviewSrc] = useState(src);
  useEffect(() => {
    const timer = setTimeout(() => setPreviewSrc(src), 400);
    return () => clearTimeout(timer);
  }, [src]);
  useEffect(() => setHeight(null), [previewSrc]);

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
    <div class="cl-builder not-content">
      <div class="cl-builder-choices">
        <label class="cl-builder-field">
          Widget
          <select value={widget} onChange={(e) => setWidget(e.currentTarget.value as EmbedWidget)}>
            {WIDGETS.map((w) => (
              <option key={w} value={w}>
                {EMBED_WIDGETS[w].title}
              </option>
            ))}
          </select>
        </label>
        <label class="cl-builder-field">
          Clip
          <select value={clipId} onChange={(e) => setClipId(e.currentTarget.value)}>
            {clips.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Controls group="builder" params={OFFERED} title="Starting settings" />
      <Checks
        legend="Sliders shown"
        all={OFFERED}
        on={controls}
        label={(k) => PARAM_SPECS[k].label}
        set={setControls}
      />
      <Checks
        legend="Locked (shown, not changeable)"
        all={controls}
        on={lock}
        label={(k) => PARAM_SPECS[k].label}
        set={setLock}
      />
      {widget === 'workbench' && (
        <Checks legend="Workbench panels" all={PANELS} on={panels} label={(p) => p} set={setPanels} />
      )}
      <Checks legend="Hide" all={HIDEABLE} on={hide} label={(h) => HIDE_LABELS[h]} set={setHide} />
      <fieldset>
        <legend>Theme</legend>
        <div class="cl-builder-choices">
          {THEMES.map((t) => (
            <label key={t}>
              <input type="radio" name="cl-builder-theme" checked={theme === t} onChange={() => setTheme(t)} />
              {THEME_LABELS[t]}
            </label>
          ))}
        </div>
      </fieldset>
      <h2>Preview</h2>
      <iframe
        ref={frame}
        class="cl-builder-preview"
        src={previewSrc}
        title="Preview of the embed"
        style={{ height: `${height ?? EMBED_WIDGETS[widget].heightPx}px` }}
      />
      <p>
        {height
          ? `Height measured from the preview at ${frame.current?.clientWidth ?? 0} px wide: ${height} px.`
          : 'Measuring the preview…'}
      </p>
      <h2>Embed code</h2>
      <label class="cl-builder-field">
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
      <h2>Messages from the preview</h2>
      <ol class="cl-builder-log" aria-label="Last messages from the preview">
        {events.map((line, i) => (
          <li key={`${i}-${line}`}>{line}</li>
        ))}
      </ol>
    </div>
  );
}
