/**
 * What an /embed/<widget> page shows: the chosen widget, the controls the URL asks for
 * (`controls=threshold,ratio`; default threshold and ratio, `controls=` for none) and, for the audio views, the
 * player. The URL's settings and clip are applied by the widgets' shared URL binding (validated and clamped), and
 * they are what "Reset" returns to: the embed's own settings, not the site's defaults.
 */
import { useState } from 'preact/hooks';
import type { NumericParamKey } from '../../dsp/params';
import type { EmbedWidget } from '../../lib/embed';
import { parseUrlState } from '../../lib/url-state';
import Player from '../Player/Player';
import Controls from '../Controls/Controls';
import TransferCurve from '../TransferCurve/TransferCurve';
import GainMeter from '../GainMeter/GainMeter';
import Envelope from '../Envelope/Envelope';
import Waveform from '../Waveform/Waveform';
import Workbench from './Workbench';
import CloseUp from '../CloseUp/CloseUp';
import { LinkNotice } from '../shared/LinkNotice';
import { getLab } from '../../state/lab';

const DEFAULT_CONTROLS: NumericParamKey[] = ['thresholdDb', 'ratio'];

export default function EmbedApp({ widget }: { widget: EmbedWidget }) {
  // Read once, when the embed opens: the settings the embed was given (the URL changes as the learner moves a
  // control). This island is client-only, so `location` exists.
  const [state] = useState(() => parseUrlState(location.search));
  const controls = state.controls ?? DEFAULT_CONTROLS;
  const given = state.params;
  if (widget === 'workbench') {
    return (
      <Workbench
        params={controls}
        initial={given}
        embeddable={false}
        {...(state.panels ? { panels: state.panels } : {})}
      />
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
