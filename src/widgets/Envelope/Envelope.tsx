/**
 * Envelope: input and detector level against the threshold, and target against applied gain reduction, over
 * time, with the playhead, zoom and a pause for scrolling. Thin view: model.ts decimates, plot.ts draws.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { useLab } from '../shared/use-lab';
import { useInstanceId } from '../shared/use-instance-id';
import { useUrlState } from '../shared/use-url-state';
import { useWidth } from '../shared/use-width';
import { useTimeWindow } from '../shared/use-time-window';
import { PlotFigure } from '../shared/PlotFigure';
import { Playhead } from '../shared/Playhead';
import { ThresholdLine } from '../shared/ThresholdLine';
import { TimeToolbar } from '../shared/TimeToolbar';
import { Legend } from '../shared/Legend';
import { CopyEmbed } from '../shared/CopyEmbed';
import type { PlotElement } from '../shared/plot-dom';
import { describeEnvelope, envelopeModel } from './model';
import { useLazyPlots } from '../shared/use-lazy-plots';
import { useNear } from '../shared/use-near';
import { pendingDescription, plotStatusText } from '../shared/plot-status';
import '../shared/widgets.css';

export interface EnvelopeProps {
  group?: string;
  title?: string;
  embeddable?: boolean;
}

const loadPlots = () => import('./plot');

export default function Envelope({
  group = 'default',
  title = 'Level and gain reduction over time',
  embeddable = true,
}: EnvelopeProps) {
  const lab = useLab(group, true);
  const uid = useInstanceId('envelope');
  useUrlState(lab);
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  const plots = useLazyPlots(host, loadPlots);
  const view = useTimeWindow(lab);
  const [levelsEl, setLevelsEl] = useState<PlotElement | null>(null);
  const [reductionEl, setReductionEl] = useState<PlotElement | null>(null);
  const onLevels = useCallback((el: PlotElement | null) => setLevelsEl(el), []);
  const onReduction = useCallback((el: PlotElement | null) => setReductionEl(el), []);
  const clip = lab.clip.value;
  const render = lab.render.value;
  // The words and the threshold line describe the render drawn, so both quote the settings it was made with: a
  // line that followed the slider would sit, for the frames before the next render arrives, at a threshold the
  // target reduction below it was not computed for (and disagree with the words under the plot).
  const rendered = lab.renderParams.value ?? lab.params.value;
  // Made once the view comes near the viewport (as its plots are drawn): a page's hydration leaves it alone further
  // down the page.
  const near = useNear(host);
  const model = useMemo(
    () =>
      // One column per 2 px; the threshold only labels the view, so neither model nor plots depend on it.
      near && clip && render && width > 0
        ? envelopeModel(clip.channels, render, view.window, Math.floor((width - 56) / 2))
        : null,
    [near, clip, render, view.window, width],
  );
  // The frames (axes) change only with the window, the width or the reduction scale; a new render redraws the
  // series alone (shared/series-layer.ts).
  const shown = model?.window ?? null;
  const floorDb = model?.floorDb ?? -60;
  const top = model && plots ? plots.reductionTopDb(model) : 6;
  const levels = useMemo(
    () => (shown && plots ? plots.envelopeLevelsPlot({ window: shown, floorDb }, { width }) : null),
    [shown, floorDb, plots, width],
  );
  const reduction = useMemo(
    () =>
      shown && plots ? plots.envelopeReductionPlot({ window: shown, floorDb, reductionTopDb: top }, { width }) : null,
    [shown, floorDb, top, plots, width],
  );
  const levelSeries = useMemo(() => (model && plots ? plots.envelopeLevelsSeries(model) : null), [model, plots]);
  const reductionSeries = useMemo(() => (model && plots ? plots.envelopeReductionSeries(model) : null), [model, plots]);
  const descId = `${uid}-desc`;
  return (
    <figure class="not-content cl-widget cl-envelope" aria-labelledby={`${uid}-title`}>
      <p id={`${uid}-title`} class="cl-widget-title">
        {title}
      </p>
      <TimeToolbar view={view} label={title} />
      <div ref={host}>
        {model ? (
          <>
            <PlotFigure
              options={levels}
              label="Input and detector level over time"
              describedBy={descId}
              onPlot={onLevels}
              series={levelSeries}
            >
              <ThresholdLine plot={levelsEl} thresholdDb={rendered.thresholdDb} />
              <Playhead lab={lab} plot={levelsEl} />
            </PlotFigure>
            <PlotFigure
              options={reduction}
              label="Target and applied gain reduction over time"
              describedBy={descId}
              onPlot={onReduction}
              series={reductionSeries}
            >
              <Playhead lab={lab} plot={reductionEl} />
            </PlotFigure>
          </>
        ) : (
          <p class="cl-status">{plotStatusText(lab, near)}</p>
        )}
      </div>
      <Legend
        items={[
          { series: 'input', kind: 'area' },
          { series: 'detector' },
          { series: 'threshold' },
          { series: 'target' },
          { series: 'applied' },
        ]}
      />
      <p id={descId} class="cl-desc" aria-live="polite">
        {model ? describeEnvelope(model, rendered) : pendingDescription(lab, near)}
      </p>
      {embeddable && <CopyEmbed lab={lab} widget="envelope" />}
    </figure>
  );
}
