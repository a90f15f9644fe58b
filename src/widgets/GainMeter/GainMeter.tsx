/**
 * GainMeter: how much the compressor is turning the sound down now (live while playing, else at the playhead),
 * with a tick at the most it does anywhere in the clip. Exposed as an ARIA meter with a text value.
 */
import { useMemo, useRef } from 'preact/hooks';
import { useLab } from '../shared/use-lab';
import { useInstanceId } from '../shared/use-instance-id';
import { useUrlState } from '../shared/use-url-state';
import { useWidth } from '../shared/use-width';
import { PlotFigure } from '../shared/PlotFigure';
import { CopyEmbed } from '../shared/CopyEmbed';
import { describeGainMeter, gainMeterModel, reductionAt } from './model';
import { mostGainReductionDb } from '../shared/measures';
import { useLazyPlots } from '../shared/use-lazy-plots';
import '../shared/widgets.css';

export interface GainMeterProps {
  group?: string;
  title?: string;
  embeddable?: boolean;
}

const loadPlots = () => import('./plot');

export default function GainMeter({
  group = 'default',
  title = 'Gain-reduction meter',
  embeddable = true,
}: GainMeterProps) {
  const lab = useLab(group, true);
  const uid = useInstanceId('meter');
  useUrlState(lab);
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  const plots = useLazyPlots(host, loadPlots);
  const render = lab.render.value;
  const playing = lab.playing.value;
  const meter = lab.meter.value;
  const playheadS = lab.playheadS.value;
  const maxDb = useMemo(() => (render ? mostGainReductionDb(render) : null), [render]);
  const rawNow = playing && meter ? meter.reductionDb : render ? reductionAt(render, playheadS) : 0;
  // Round to 0.1 dB so the plot re-renders only when the reading visibly changes.
  const nowDb = Math.round(Math.max(0, rawNow) * 10) / 10;
  const model = useMemo(() => gainMeterModel(nowDb, maxDb), [nowDb, maxDb]);
  // The frame changes only with the scale or the width; a new reading redraws the series alone.
  const rangeDb = model.rangeDb;
  const options = useMemo(
    () => (plots && width > 0 ? plots.gainMeterPlot({ rangeDb }, { width }) : null),
    [rangeDb, plots, width],
  );
  const series = useMemo(() => (plots ? plots.gainMeterSeries(model) : null), [model, plots]);
  const text = describeGainMeter(model, playing);
  return (
    <div class="not-content cl-widget cl-gain-meter">
      <p class="cl-widget-title" id={`${uid}-title`}>
        {title}
      </p>
      <div
        ref={host}
        role="meter"
        aria-labelledby={`${uid}-title`}
        aria-valuemin={0}
        aria-valuemax={model.rangeDb}
        aria-valuenow={model.nowDb}
        aria-valuetext={text}
      >
        <PlotFigure options={options} label="Gain-reduction meter" series={series} />
      </div>
      <p class="cl-readout">{text}</p>
      {embeddable && <CopyEmbed lab={lab} widget="gain-meter" />}
    </div>
  );
}
