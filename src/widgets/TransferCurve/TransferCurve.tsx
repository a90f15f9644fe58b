/**
 * TransferCurve: the compressor's static curve with the 1:1 line, threshold and knee, the curve measured on the
 * current clip, and (while playing) the live operating point. Thin view: model.ts computes, plot.ts draws.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { renderIsCurrent, type Lab } from '../../state/lab';
import { useLab } from '../shared/use-lab';
import { useInstanceId } from '../shared/use-instance-id';
import { useUrlState } from '../shared/use-url-state';
import { useWidth } from '../shared/use-width';
import { PlotFigure } from '../shared/PlotFigure';
import { Legend } from '../shared/Legend';
import { CopyEmbed } from '../shared/CopyEmbed';
import type { PlotElement } from '../shared/plot-dom';
import { describeFullScale, describeTransfer, measuredTransfer, operatingPoint, transferModel } from './model';
import { useLazyPlots } from '../shared/use-lazy-plots';
import { mostGainReductionDb } from '../shared/measures';
import '../shared/widgets.css';

export interface TransferCurveProps {
  group?: string;
  /** Overlay the curve measured on the current clip (default true). */
  measured?: boolean;
  title?: string;
  /** Show the "Copy embed code" button (default true). */
  embeddable?: boolean;
}

function OperatingPoint({ lab, plot }: { lab: Lab; plot: PlotElement | null }) {
  const playing = lab.playing.value;
  const playheadS = lab.playheadS.value;
  const render = lab.render.value;
  const clip = lab.clip.value;
  if (!playing || !plot || !render || !clip) return null;
  const point = operatingPoint(clip.channels, render, playheadS);
  const x = plot.scale('x');
  const y = plot.scale('y');
  if (!point || !x || !y) return null;
  const left = Number(x.apply(point.inDb));
  const floorDb = Array.from(y.domain ?? [-60])[0] as number;
  const top = Number(y.apply(Math.max(point.outDb, floorDb)));
  return <span class="cl-overlay-dot" style={{ left: `${left}px`, top: `${top}px` }} aria-hidden="true" />;
}

const loadPlots = () => import('./plot');

export default function TransferCurve({
  group = 'default',
  measured = true,
  title = 'Transfer curve',
  embeddable = true,
}: TransferCurveProps) {
  const lab = useLab(group, true);
  const uid = useInstanceId('transfer');
  useUrlState(lab);
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  const plots = useLazyPlots(host, loadPlots);
  const [plot, setPlot] = useState<PlotElement | null>(null);
  const onPlot = useCallback((el: PlotElement | null) => setPlot(el), []);
  const params = lab.params.value;
  const render = lab.render.value;
  const clip = lab.clip.value;
  const bins = useMemo(
    () => (measured && render && clip ? measuredTransfer(clip.channels, render) : []),
    [measured, render, clip],
  );
  const model = useMemo(() => transferModel(params, bins), [params, bins]);
  // The frame (axes, 1:1 line) changes only with the width and the output range (make-up gain); a new setting or
  // render redraws the series alone (shared/series-layer.ts).
  const [inLow, inHigh] = model.inDomainDb;
  const [outLow, outHigh] = model.outDomainDb;
  const options = useMemo(
    () =>
      plots && width > 0
        ? plots.transferCurvePlot({ inDomainDb: [inLow, inHigh], outDomainDb: [outLow, outHigh] }, { width })
        : null,
    [inLow, inHigh, outLow, outHigh, plots, width],
  );
  const series = useMemo(() => (plots ? plots.transferCurveSeries(model) : null), [model, plots]);
  // Quote the render (its most gain reduction, its measured points) only when it matches the curve described.
  const current = render !== null && renderIsCurrent(lab);
  const most = current ? mostGainReductionDb(render) : null;
  const description = describeTransfer(params, most, current ? bins : []);
  const descId = `${uid}-desc`;
  return (
    <figure class="not-content cl-widget cl-transfer" aria-labelledby={`${uid}-title`}>
      <p id={`${uid}-title`} class="cl-widget-title">
        {title}
      </p>
      <div ref={host} class="cl-transfer-plot">
        <PlotFigure
          options={options}
          label={`${title}: output level against input level`}
          describedBy={descId}
          onPlot={onPlot}
          series={series}
        >
          <OperatingPoint lab={lab} plot={plot} />
        </PlotFigure>
      </div>
      <Legend
        items={[
          { series: 'curve' },
          { series: 'identity' },
          { series: 'threshold' },
          ...(bins.length > 0 ? [{ series: 'measured' as const, kind: 'dot' as const }] : []),
        ]}
      />
      <p id={descId} class="cl-desc" aria-live="polite">
        {description}
      </p>
      <p class="cl-readout">{describeFullScale(params)}</p>
      {embeddable && <CopyEmbed lab={lab} widget="transfer-curve" />}
    </figure>
  );
}
