/**
 * Waveform: the original and the compressed audio, overlaid or stacked, decimated to the pixel width, zoomable
 * to a single transient, with the playhead. Thin view: model.ts decimates, plot.ts draws.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { useLab } from '../shared/use-lab';
import { useInstanceId } from '../shared/use-instance-id';
import { useUrlState } from '../shared/use-url-state';
import { useWidth } from '../shared/use-width';
import { useTimeWindow } from '../shared/use-time-window';
import { PlotFigure } from '../shared/PlotFigure';
import { Playhead } from '../shared/Playhead';
import { TimeToolbar } from '../shared/TimeToolbar';
import { Legend } from '../shared/Legend';
import { CopyEmbed } from '../shared/CopyEmbed';
import type { PlotElement } from '../shared/plot-dom';
import { describeWaveform, waveformModel } from './model';
import { useLazyPlots } from '../shared/use-lazy-plots';
import { useNear } from '../shared/use-near';
import type { WaveLayout } from './plot';
import { pendingDescription, plotStatusText } from '../shared/plot-status';
import '../shared/widgets.css';

export interface WaveformProps {
  group?: string;
  title?: string;
  layout?: WaveLayout;
  embeddable?: boolean;
}

const loadPlots = () => import('./plot');

export default function Waveform({
  group = 'default',
  title = 'Waveform before and after',
  layout: initialLayout = 'overlay',
  embeddable = true,
}: WaveformProps) {
  const lab = useLab(group, true);
  const uid = useInstanceId('waveform');
  useUrlState(lab);
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  const plots = useLazyPlots(host, loadPlots);
  const view = useTimeWindow(lab);
  const [layout, setLayout] = useState<WaveLayout>(initialLayout);
  const [plotEl, setPlotEl] = useState<PlotElement | null>(null);
  const onPlot = useCallback((el: PlotElement | null) => setPlotEl(el), []);
  const clip = lab.clip.value;
  const render = lab.render.value;
  // Made once the view comes near the viewport (as its plots are drawn): a page's hydration leaves it alone further
  // down the page.
  const near = useNear(host);
  const model = useMemo(
    () =>
      near && clip && render && width > 0
        ? waveformModel(clip.channels, render.output, clip.sampleRate, view.window, width - 56)
        : null,
    [near, clip, render, view.window, width],
  );
  // The frame (axes) changes only with the window, the width or the layout; a new render redraws the bands alone.
  const shown = model?.window ?? null;
  const options = useMemo(
    () => (shown && plots ? plots.waveformPlot({ window: shown }, { width, layout }) : null),
    [shown, plots, width, layout],
  );
  const series = useMemo(() => (model && plots ? plots.waveformSeries(model, layout) : null), [model, plots, layout]);
  const descId = `${uid}-desc`;
  return (
    <figure class="not-content cl-widget cl-waveform" aria-labelledby={`${uid}-title`}>
      <p id={`${uid}-title`} class="cl-widget-title">
        {title}
      </p>
      <TimeToolbar view={view} label={title} />
      <div class="cl-toolbar" role="group" aria-label="Layout">
        <button
          type="button"
          class="cl-button"
          aria-pressed={layout === 'overlay'}
          onClick={() => setLayout('overlay')}
        >
          Overlaid
        </button>
        <button
          type="button"
          class="cl-button"
          aria-pressed={layout === 'stacked'}
          onClick={() => setLayout('stacked')}
        >
          Stacked
        </button>
      </div>
      <div ref={host}>
        {model ? (
          <PlotFigure
            options={options}
            label="Waveform of the original and the compressed audio"
            describedBy={descId}
            onPlot={onPlot}
            series={series}
          >
            {layout === 'overlay' && <Playhead lab={lab} plot={plotEl} />}
          </PlotFigure>
        ) : (
          <p class="cl-status">{plotStatusText(lab, near)}</p>
        )}
      </div>
      <Legend
        items={[
          { series: 'before', kind: 'area' },
          { series: 'after', kind: 'area' },
        ]}
      />
      <p id={descId} class="cl-desc" aria-live="polite">
        {model ? describeWaveform(model) : pendingDescription(lab, near)}
      </p>
      {embeddable && <CopyEmbed lab={lab} widget="waveform" />}
    </figure>
  );
}
