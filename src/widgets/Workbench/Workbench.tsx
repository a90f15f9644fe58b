/**
 * Workbench: player, controls, transfer curve, gain meter, envelope and waveform on one shared lab — the whole
 * compressor on one screen. Lessons choose the panels, the parameters and the clips; embed pages reuse it.
 */
import type { NumericParamKey } from '../../dsp/params';
import type { CompressorParams } from '../../dsp/types';
import Player from '../Player/Player';
import Controls from '../Controls/Controls';
import TransferCurve from '../TransferCurve/TransferCurve';
import GainMeter from '../GainMeter/GainMeter';
import Envelope from '../Envelope/Envelope';
import Waveform from '../Waveform/Waveform';
import PresetChooser from '../Presets/PresetChooser';
import Reasons from '../Reasons/Reasons';
import { CopyEmbed } from '../shared/CopyEmbed';
import { LinkNotice } from '../shared/LinkNotice';
import { useLab, useInitialParams } from '../shared/use-lab';
import { useUrlState } from '../shared/use-url-state';
import { choosePanels, startingParams } from './model';
import type { PresetId } from '../../lib/presets';
import '../shared/widgets.css';
import './workbench.css';

export interface WorkbenchProps {
  group?: string;
  /** Panels to show (player, presets, controls, transfer, meter, envelope, waveform, reasons); default all but reasons. */
  panels?: string[];
  /** Parameters in the controls panel. */
  params?: NumericParamKey[];
  /** Clips the player offers. */
  clips?: string[];
  /** Starting values for this lesson (the page URL may override them). */
  initial?: Partial<CompressorParams>;
  /** Starting clip. */
  clip?: string;
  /** Starting preset (src/lib/presets); `initial` values override it. */
  preset?: PresetId;
  embeddable?: boolean;
}

export default function Workbench({
  group = 'default',
  panels,
  params = ['thresholdDb', 'ratio'],
  clips,
  initial,
  clip,
  preset,
  embeddable = true,
}: WorkbenchProps) {
  const lab = useLab(group);
  const start = startingParams(preset, initial);
  useInitialParams(lab, start, clip);
  useUrlState(lab);
  const show = new Set(choosePanels(panels));
  return (
    <section class="cl-workbench not-content" aria-label="Compressor workbench">
      <LinkNotice lab={lab} />
      {show.has('player') && <Player group={group} {...(clips ? { clips } : {})} />}
      {show.has('presets') && <PresetChooser group={group} />}
      {show.has('transfer') ? (
        <div class="cl-workbench-row">
          {(show.has('controls') || show.has('meter')) && (
            <div class="cl-workbench-controls">
              {show.has('controls') && (
                <Controls group={group} params={params} {...(start ? { resetTo: start } : {})} />
              )}
              {show.has('meter') && <GainMeter group={group} embeddable={false} />}
            </div>
          )}
          <TransferCurve group={group} embeddable={false} />
        </div>
      ) : (
        (show.has('controls') || show.has('meter')) && (
          <div class="cl-workbench-row">
            {show.has('controls') && <Controls group={group} params={params} {...(start ? { resetTo: start } : {})} />}
            {show.has('meter') && <GainMeter group={group} embeddable={false} />}
          </div>
        )
      )}
      {show.has('envelope') && <Envelope group={group} embeddable={false} />}
      {show.has('waveform') && <Waveform group={group} embeddable={false} />}
      {show.has('reasons') && <Reasons group={group} />}
      {embeddable && <CopyEmbed lab={lab} widget="workbench" controls={params} panels={[...show]} />}
    </section>
  );
}
