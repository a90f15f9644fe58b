/**
 * Clipping: the original raised by plain gain to the compressed version's loudness, against the compressed version
 * with its make-up gain, each with its samples over 0 dBFS counted and marked. Thin view over model.ts/plot.ts;
 * it describes the render it draws, so its words never mix two settings. Both versions are measured in a Worker
 * (clipping-client.ts) after each render arrives, once the view is near the viewport; until the current render's
 * measures are in, the words say so and the plots are dimmed.
 */
import { useMemo, useRef } from 'preact/hooks';
import { useLab } from '../shared/use-lab';
import { useWidth } from '../shared/use-width';
import { PlotFigure } from '../shared/PlotFigure';
import { SERIES } from '../shared/palette';
import { formatDbShort } from '../shared/describe';
import { describeClipping } from './model';
import { useLazyPlots } from '../shared/use-lazy-plots';
import { useMeasured } from '../shared/use-measured';
import { useHeld } from '../shared/use-held';
import { useNear } from '../shared/use-near';
import { clippingClient } from './clipping-client';
import '../shared/widgets.css';

export interface ClippingProps {
  group?: string;
  title?: string;
}

const loadPlots = () => import('./plot');

/** What the view says when the measures came back without a model. */
function notMeasured(error: string | undefined): string {
  return error
    ? `The two versions could not be measured: ${error}. Change the setting to try again.`
    : 'One of the two versions is silent, so there is no loudness to match.';
}

export default function Clipping({ group = 'default', title = 'Same loudness, two ways' }: ClippingProps) {
  const lab = useLab(group, true);
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  const plots = useLazyPlots(host, loadPlots);
  const render = lab.render.value;
  const clip = lab.clip.value;
  // A render of the previous clip is never measured against the new one.
  const matches = render !== null && clip !== null && render.output[0]?.length === clip.channels[0]?.length;
  // Measured once the view comes near the viewport: a page's hydration leaves it alone far down the page.
  const near = useNear(host);
  const measured = useMeasured(clippingClient, clip, render, matches && near);
  const model = measured?.result?.model ?? null;
  const pending = matches && measured === null;
  const plotted = useMemo(() => {
    if (!model || !plots || width <= 0) return null;
    const common = { width, durationS: model.durationS, extent: model.extent };
    return [
      plots.clipPanelPlot(model.raised, { ...common, color: SERIES.input.color }),
      plots.clipPanelPlot(model.compressed, { ...common, color: SERIES.curve.color }),
    ] as const;
  }, [model, plots, width]);
  const [raised, compressed] = useHeld(plotted, pending) ?? [null, null];
  const descId = `cl-${group}-clipping-desc`;
  const raisedTitle = model ? `Original raised by ${formatDbShort(Math.max(0, model.raiseDb))}` : 'Original raised';
  const compTitle = model ? `Compressed, make-up ${formatDbShort(model.makeupDb)}` : 'Compressed';
  return (
    <figure class="not-content cl-widget cl-clipping" aria-labelledby={`cl-${group}-clipping-title`}>
      <p id={`cl-${group}-clipping-title`} class="cl-widget-title">
        {title}
      </p>
      <div ref={host} aria-busy={pending}>
        {[
          { key: 'raised', heading: raisedTitle, options: raised, overs: model?.raised.overs.samples },
          { key: 'compressed', heading: compTitle, options: compressed, overs: model?.compressed.overs.samples },
        ].map((panel) => (
          <div key={panel.key}>
            <p class="cl-readout">
              {panel.heading}
              {panel.overs === undefined ? '' : ` — ${panel.overs} over 0 dBFS`}
            </p>
            <div class={pending ? 'cl-pending' : undefined}>
              <PlotFigure
                options={panel.options}
                label={`${panel.heading}: waveform with samples over 0 dBFS marked`}
                describedBy={descId}
              />
            </div>
          </div>
        ))}
      </div>
      <p class="cl-readout">
        ✕ and a dotted line: a place with samples over 0 dBFS; the thick part is what goes over. Dashed lines: 0 dBFS.
      </p>
      <p id={descId} class="cl-desc" aria-live="polite">
        {model && clip
          ? describeClipping(model, clip.title)
          : measured
            ? notMeasured(measured.error)
            : 'Measuring both versions…'}
      </p>
    </figure>
  );
}
