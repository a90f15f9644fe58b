/**
 * OutputMeter: what comes out of the compressor (make-up included): its peak over the last 100 ms and its
 * short-term loudness at the playhead, with the clip's highest of each and its samples over 0 dBFS. Read from
 * the offline render the learner hears, so it follows the playhead while playing. The whole-clip measures are
 * taken in a Worker (output-client.ts) after each render arrives, once the meter is near the viewport; until those
 * of the current render are in, the readout says so and the plot is dimmed.
 */
import { useMemo, useRef } from 'preact/hooks';
import { useLab } from '../shared/use-lab';
import { useWidth } from '../shared/use-width';
import { PlotFigure } from '../shared/PlotFigure';
import { describeOutputMeter, outputMeterModel, peakAt } from './model';
import { useLazyPlots } from '../shared/use-lazy-plots';
import { useMeasured } from '../shared/use-measured';
import { useHeld } from '../shared/use-held';
import { useNear } from '../shared/use-near';
import { outputClient } from './output-client';
import '../shared/widgets.css';

export interface OutputMeterProps {
  group?: string;
  title?: string;
}

const loadPlots = () => import('./plot');

export default function OutputMeter({ group = 'default', title = 'Output meter' }: OutputMeterProps) {
  const lab = useLab(group, true);
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  const plots = useLazyPlots(host, loadPlots);
  const render = lab.render.value;
  const playing = lab.playing.value;
  // Step the playhead by the meter's 100 ms hop so the plot redraws only when a reading can change.
  const timeS = Math.floor(lab.playheadS.value * 10) / 10;
  // Measured once the meter comes near the viewport: a page's hydration leaves it alone far down the page.
  const measured = useMeasured(outputClient, lab.clip.value, render, useNear(host));
  const measures = measured?.result ?? null;
  const model = useMemo(
    () => (measures && render ? outputMeterModel(measures, timeS, peakAt(render, timeS)) : null),
    [measures, render, timeS],
  );
  const options = useMemo(
    () => (model && plots && width > 0 ? plots.outputMeterPlot(model, { width }) : null),
    [model, plots, width],
  );
  const pending = render !== null && measured === null;
  const shown = useHeld(options, pending);
  const text = model
    ? describeOutputMeter(model, playing)
    : measured?.error
      ? `The output could not be measured: ${measured.error}. Change the setting to try again.`
      : 'Measuring the output…';
  const descId = `cl-${group}-output-meter-desc`;
  return (
    <figure class="not-content cl-widget cl-output-meter" aria-labelledby={`cl-${group}-output-meter-title`}>
      <p class="cl-widget-title" id={`cl-${group}-output-meter-title`}>
        {title}
      </p>
      <div ref={host} class={pending ? 'cl-pending' : undefined} aria-busy={pending}>
        <PlotFigure options={shown} label={`${title}: peak and short-term loudness`} describedBy={descId} />
      </div>
      <p id={descId} class="cl-readout">
        {text}
      </p>
    </figure>
  );
}
