/**
 * What an /embed/<widget> page shows: the chosen widget, the controls the URL asks for
 * (`controls=threshold,ratio`; default threshold and ratio, `controls=` for none) and, for the audio views, the
 * player. The URL's settings and clip are applied by the widgets' shared URL binding (validated and clamped).
 */
import { useEffect, useState } from 'preact/hooks';
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
  const [controls, setControls] = useState<NumericParamKey[]>(DEFAULT_CONTROLS);
  const [panels, setPanels] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    const state = parseUrlState(location.search);
    if (state.controls) setControls(state.controls);
    if (state.panels) setPanels(state.panels);
  }, []);
  if (widget === 'workbench') {
    return <Workbench params={controls} embeddable={false} {...(panels ? { panels } : {})} />;
  }
  if (widget === 'controls') {
    return (
      <>
        <LinkNotice lab={getLab()} />
        <Controls params={controls.length > 0 ? controls : DEFAULT_CONTROLS} />
      </>
    );
  }
  return (
    <div class="cl-embed-app not-content">
      <LinkNotice lab={getLab()} />
      {controls.length > 0 && <Controls params={controls} />}
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
