/**
 * What an /embed/<widget> page shows: the chosen widget, the controls the URL asks for
 * (`controls=threshold,ratio`; default threshold and ratio, `controls=` for none) and, for the audio views, the
 * player. The URL's settings and clip are applied by the widgets' shared URL binding (validated and clamped), and
 * they are what "Reset" returns to: the embed's own settings, not the site's defaults. The embed's own options
 * (theme, hide, lock; src/lib/embed-options.ts) reach the widgets through EmbedOptionsContext, and the page that
 * holds the iframe hears about height, settings and playback (./embed-host.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import type { NumericParamKey } from '../../dsp/params';
import type { EmbedWidget } from '../../lib/embed';
import { parseUrlState } from '../../lib/url-state';
import { parseEmbedOptions, tidyQuery } from '../../lib/embed-options';
import Player from '../Player/Player';
import Controls from '../Controls/Controls';
import TransferCurve from '../TransferCurve/TransferCurve';
import GainMeter from '../GainMeter/GainMeter';
import Envelope from '../Envelope/Envelope';
import Waveform from '../Waveform/Waveform';
import Workbench from './Workbench';
import CloseUp from '../CloseUp/CloseUp';
import Exercise from '../Exercise/Exercise';
import { EMBED_TASKS, type EmbedTask } from '../Exercise/results';
import { LinkNotice } from '../shared/LinkNotice';
import { EmbedOptionsContext } from '../shared/embed-options-context';
import { getLab } from '../../state/lab';
import { choosePanels, PANELS } from './model';
import { startEmbedHost } from './embed-host';

const DEFAULT_CONTROLS: NumericParamKey[] = ['thresholdDb', 'ratio'];

// The address as it was meant (`&amp;` read as `&`, any case), written back before any widget reads it: this
// module runs before the islands it renders mount, and they read `location.search` in their effects.
const tidy = tidyQuery(location.search);
if (`?${tidy.query}` !== location.search && !(tidy.query === '' && location.search === '')) {
  history.replaceState(history.state, '', `${location.pathname}?${tidy.query}${location.hash}`);
}

/** The exercise `task=` names (default: the Threshold lesson's), with a note when the name is not one. */
function taskOf(query: string): { task: EmbedTask; notes: string[] } {
  const raw = new URLSearchParams(query).get('task');
  if (raw === null || Object.hasOwn(EMBED_TASKS, raw))
    return { task: (raw ?? 'loudest-hits-only') as EmbedTask, notes: [] };
  return {
    task: 'loudest-hits-only',
    notes: [
      `There is no exercise called “${raw.slice(0, 24)}” (${Object.keys(EMBED_TASKS).join(', ')}), so the first is shown.`,
    ],
  };
}

function panelNotes(asked: string[] | null, shown: string[]): string[] {
  if (asked === null) return [];
  const unknown = asked.filter((name) => choosePanels([name]).length === 0);
  if (shown.length === 0) {
    return [
      `The panels “${asked.join(', ')}” aren’t ones this workbench has (${PANELS.join(', ')}), so all are shown.`,
    ];
  }
  return unknown.length > 0 ? [`There is no panel called “${unknown.join(', ')}”, so it is left out.`] : [];
}

export default function EmbedApp({ widget }: { widget: EmbedWidget }) {
  // Read once, when the embed opens: the settings the embed was given (the URL changes as the learner moves a
  // control). This island is client-only, so `location` exists.
  const [state] = useState(() => parseUrlState(tidy.query));
  const [options] = useState(() => parseEmbedOptions(tidy.query));
  const [exercise] = useState(() => taskOf(tidy.query));
  // The player alone shows no sliders unless its address asks for some.
  const controls = state.controls ?? (widget === 'player' ? [] : DEFAULT_CONTROLS);
  const given = state.params;
  const askedPanels = state.panels === null ? null : (new URLSearchParams(tidy.query).get('panels') ?? '').split(',');
  const chosen = askedPanels === null ? null : choosePanels(askedPanels);
  const panels = chosen && chosen.length > 0 ? chosen : null;
  // What this embed's address asked for that it cannot do, beside what the shared URL binding says.
  const [notes] = useState(() => [
    ...tidy.notes,
    ...options.notes,
    ...(widget === 'workbench' ? panelNotes(askedPanels, chosen ?? []) : []),
    ...(widget === 'exercise' ? exercise.notes : []),
  ]);

  useEffect(() => {
    const lab = getLab();
    // After the widgets' URL binding (their effects run first) has put its own notes in place.
    if (notes.length > 0) lab.linkNotes.value = [...lab.linkNotes.value, ...notes];
    if (options.theme !== 'auto') document.documentElement.setAttribute('data-theme', options.theme);
    return startEmbedHost(lab, widget, widget === 'exercise' ? exercise.task : null);
  }, [notes, options, widget, exercise]);

  return <EmbedOptionsContext.Provider value={options}>{body()}</EmbedOptionsContext.Provider>;

  function body() {
    if (widget === 'workbench') {
      return <Workbench params={controls} initial={given} embeddable={false} {...(panels ? { panels } : {})} />;
    }
    if (widget === 'exercise') {
      const { props, prompt } = EMBED_TASKS[exercise.task];
      return (
        <>
          <p class="cl-embed-task">{prompt}</p>
          <Workbench
            params={controls}
            initial={{ ...(props.thresholdDb === undefined ? {} : { thresholdDb: props.thresholdDb }), ...given }}
            embeddable={false}
            panels={panels ?? ['player', 'controls', 'transfer', 'meter']}
          />
          <Exercise {...props} />
        </>
      );
    }
    if (widget === 'controls') {
      return (
        <>
          <LinkNotice lab={getLab()} />
          <Controls params={controls.length > 0 ? controls : DEFAULT_CONTROLS} resetTo={given} />
        </>
      );
    }
    return (
      <div class="cl-embed-app not-content">
        <LinkNotice lab={getLab()} />
        {controls.length > 0 && <Controls params={controls} resetTo={given} />}
        {widget === 'transfer-curve' && <TransferCurve embeddable={false} />}
        {widget === 'gain-meter' && <GainMeter embeddable={false} />}
        {widget === 'envelope' && <Envelope embeddable={false} />}
        {widget === 'waveform' && <Waveform embeddable={false} />}
        {widget === 'close-up' && <CloseUp kind="attack" embeddable={false} />}
        {widget === 'close-up' && <CloseUp kind="release" embeddable={false} />}
        <Player />
      </div>
    );
  }
}
