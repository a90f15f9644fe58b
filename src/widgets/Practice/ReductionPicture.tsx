/**
 * "What the compressor did": the gain reduction over time of one render (the Envelope view's reduction plot and
 * description, over the whole excerpt), with a legend that works without colour.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { CompressorParams, OfflineRender } from '../../dsp/types';
import { describeEnvelope, envelopeModel } from '../Envelope/model';
import { useLazyPlots } from '../shared/use-lazy-plots';
import { PlotFigure } from '../shared/PlotFigure';
import { Legend } from '../shared/Legend';
import { useWidth } from '../shared/use-width';
import { useInstanceId } from '../shared/use-instance-id';

interface Props {
  input: readonly Float32Array[];
  render: OfflineRender;
  params: CompressorParams;
  label: string;
}

const loadPlots = () => import('../Envelope/plot');

export function ReductionPicture({ input, render, params, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  const plots = useLazyPlots(host, loadPlots);
  const id = useInstanceId('practice-picture');
  const model = useMemo(() => {
    const durationS = render.appliedReductionDb.length / render.sampleRate;
    return envelopeModel(input, render, { startS: 0, endS: durationS }, Math.max(100, Math.min(width || 600, 800)));
  }, [input, render, width]);
  const options = useMemo(
    () =>
      plots && width > 0
        ? plots.envelopeReductionPlot({ ...model, reductionTopDb: plots.reductionTopDb(model) }, { width })
        : null,
    [model, plots, width],
  );
  const series = useMemo(() => (plots ? plots.envelopeReductionSeries(model) : null), [model, plots]);
  return (
    <div ref={host} class="cl-practice-picture">
      <PlotFigure options={options} label={label} describedBy={`${id}-desc`} series={series} />
      <Legend
        items={[
          { series: 'target', label: 'Target reduction (what the curve asks for)' },
          { series: 'applied', label: 'Applied reduction (after attack and release)' },
        ]}
      />
      <p id={`${id}-desc`} class="cl-desc">
        {describeEnvelope(model, params)}
      </p>
    </div>
  );
}
