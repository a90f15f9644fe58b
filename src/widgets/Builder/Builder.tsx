/**
 * The embed builder (/teach/): a teacher chooses a widget, an exercise or a practice drill, a clip, a preset or
 * settings, which sliders show and which are locked, what to hide and the theme; a live preview shows the embed,
 * and the snippet to copy carries the height the preview reports (./Preview.tsx) — measured, not guessed.
 */
import { useEffect, useState } from 'preact/hooks';
import { PARAM_SPECS, type NumericParamKey } from '../../dsp/params';
import { EMBED_NAMES, EMBEDS, type EmbedName } from '../../lib/embed';
import { HIDEABLE, THEMES, type Hideable, type Theme } from '../../lib/embed-options';
import { loadManifest } from '../../audio/clips';
import Controls from '../Controls/Controls';
import PresetChooser from '../Presets/PresetChooser';
import { EMBED_TASKS, type EmbedTask } from '../Exercise/results';
import { useLab } from '../shared/use-lab';
import { siteBase } from '../shared/site-base';
import { DEFAULT_PANELS, PANELS, type Panel } from '../Workbench/model';
import { Checks, Radios, Section } from './Fields';
import { Preview } from './Preview';
import { OFFERED, builderPath, isSeed, kindOf, sectionsFor, type BuilderChoice } from './model';
import '../shared/widgets.css';
import './builder.css';

const HIDE_LABELS: Record<Hideable, string> = {
  clip: 'Clip menu',
  listen: 'Listen modes',
  reset: 'Reset button',
  file: 'Own file',
};
const THEME_LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', auto: 'Reader’s system' };
const TASK_LABELS: Record<EmbedTask, string> = {
  'loudest-hits-only': 'Threshold: only the loudest hits go over',
  'loudest-reduction': 'Ratio: a set amount of gain reduction',
};
const TASKS = Object.keys(EMBED_TASKS) as EmbedTask[];
const GROUPS: { label: string; names: EmbedName[] }[] = [
  { label: 'Widgets', names: EMBED_NAMES.filter((n) => kindOf(n) === 'widget') },
  { label: 'Exercises and practice', names: EMBED_NAMES.filter((n) => kindOf(n) !== 'widget') },
];

export default function Builder() {
  const lab = useLab('builder');
  const [widget, setWidget] = useState<EmbedName>('workbench');
  const [task, setTask] = useState<EmbedTask>('loudest-hits-only');
  const [clips, setClips] = useState<{ id: string; title: string }[]>([]);
  const [clipId, setClipId] = useState('drums');
  const [controls, setControls] = useState<NumericParamKey[]>(['thresholdDb', 'ratio']);
  const [lock, setLock] = useState<NumericParamKey[]>([]);
  const [panels, setPanels] = useState<Panel[]>([...DEFAULT_PANELS]);
  const [hide, setHide] = useState<Hideable[]>([]);
  const [theme, setTheme] = useState<Theme>('auto');
  const [seed, setSeed] = useState('');
  const [error, setError] = useState('');

  const kind = kindOf(widget);
  useEffect(() => {
    loadManifest()
      .then((m) => setClips(m.clips.map((c) => ({ id: c.id, title: c.title }))))
      .catch(() => setError('The clip list could not be loaded; the embed uses the drum groove.'));
  }, []);

  // An exercise that states its threshold (the Ratio task: "leave the threshold at −25 dB") starts the sliders there.
  useEffect(() => {
    const thresholdDb = kind === 'exercise' ? EMBED_TASKS[task].props.thresholdDb : undefined;
    if (thresholdDb !== undefined) lab.params.value = { ...lab.params.peek(), thresholdDb };
  }, [lab, kind, task]);

  const choice: BuilderChoice = {
    widget,
    task,
    clipId,
    params: lab.params.value,
    controls,
    panels,
    hide,
    lock,
    theme,
    seed,
  };
  const src = `${siteBase()}${builderPath(choice)}`;
  const shown = sectionsFor(widget);

  return (
    <div class="cl-builder not-content">
      <Section slug="choose">
        <div class="cl-builder-choices">
          <label class="cl-builder-field">
            Embed
            <select value={widget} onChange={(e) => setWidget(e.currentTarget.value as EmbedName)}>
              {GROUPS.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.names.map((w) => (
                    <option key={w} value={w}>
                      {EMBEDS[w].title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          {kind === 'exercise' && (
            <label class="cl-builder-field">
              Task
              <select value={task} onChange={(e) => setTask(e.currentTarget.value as EmbedTask)}>
                {TASKS.map((t) => (
                  <option key={t} value={t}>
                    {TASK_LABELS[t]}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind !== 'practice' && (
            <label class="cl-builder-field">
              Clip
              <select value={clipId} onChange={(e) => setClipId(e.currentTarget.value)}>
                {(clips.length > 0 ? clips : [{ id: clipId, title: clipId }]).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {kind === 'exercise' && <p class="cl-desc">{EMBED_TASKS[task].prompt}</p>}
        {kind === 'practice' && (
          <>
            <p class="cl-desc">
              A practice drill brings its own clips and settings; its results stay in the learner’s browser and are sent
              to your page as messages.
            </p>
            <label class="cl-builder-field">
              Seed, for the same run in the whole class (optional, up to 9 digits)
              <input
                type="text"
                inputMode="numeric"
                size={10}
                value={seed}
                onInput={(e) => setSeed(e.currentTarget.value.trim())}
              />
            </label>
            {seed !== '' && !isSeed(seed) && (
              <p class="cl-desc" role="status">
                “{seed.slice(0, 24)}” isn’t a whole number of up to 9 digits, so the embed is made without a seed and
                each learner gets a run of their own.
              </p>
            )}
          </>
        )}
        {error && <p role="alert">{error}</p>}
      </Section>
      {shown.includes('settings') && (
        <Section slug="settings">
          <PresetChooser group="builder" />
          <Controls group="builder" params={OFFERED} title="Settings" />
        </Section>
      )}
      {shown.includes('controls') && (
        <Section slug="controls">
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
        </Section>
      )}
      <Section slug="look">
        <Radios
          legend="Theme"
          name="cl-builder-theme"
          all={THEMES}
          value={theme}
          label={(t) => THEME_LABELS[t]}
          set={setTheme}
        />
        {kind !== 'practice' && (
          <Checks legend="Hide" all={HIDEABLE} on={hide} label={(h) => HIDE_LABELS[h]} set={setHide} />
        )}
      </Section>
      <Preview src={src} widget={widget} />
    </div>
  );
}
