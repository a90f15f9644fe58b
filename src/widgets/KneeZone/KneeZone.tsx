/**
 * KneeZone: every syllable or note of the clip, placed by the level the compressor saw and the reduction it got,
 * against the reduction the curve asks for; the knee region and the threshold drawn in. Thin view: model.ts
 * computes, plot.ts draws. It describes the render it draws (lab.renderParams), never settings still on their way.
 */
import { useMemo, useRef } from 'preact/hooks';
import { useLab } from '../shared/use-lab';
import { useWidth } from '../shared/use-width';
import { PlotFigure } from '../shared/PlotFigure';
import { NEAR_DB } from '../Exercise/near-threshold';
import { kneeZoneModel, describeKneeZone } from './model';
import { useLazyPlots } from '../shared/use-lazy-plots';
import '../shared/widgets.css';

export interface KneeZoneProps {
  group?: string;
  title?: string;
}

const loadPlots = () => import('./plot');

export default function KneeZone({ group = 'default', title = 'Reduction per syllable or note' }: KneeZoneProps) {
  const lab = useLab(group, true);
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  const plots = useLazyPlots(host, loadPlots);
  const render = lab.render.value;
  const rendered = lab.renderParams.value;
  const clip = lab.clip.value;
  const model = useMemo(
    () =>
      render && rendered && clip && render.output[0]?.length === clip.channels[0]?.length
        ? kneeZoneModel(clip.channels, render, rendered)
        : null,
    [render, rendered, clip],
  );
  const options = useMemo(
    () => (model && plots && width > 0 ? plots.kneeZonePlot(model, { width }) : null),
    [model, plots, width],
  );
  const descId = `cl-${group}-knee-zone-desc`;
  return (
    <figure class="not-content cl-widget cl-knee-zone" aria-labelledby={`cl-${group}-knee-zone-title`}>
      <p id={`cl-${group}-knee-zone-title`} class="cl-widget-title">
        {title}
      </p>
      <div ref={host}>
        <PlotFigure options={options} label={`${title}: reduction against level`} describedBy={descId} />
      </div>
      <ul class="cl-legend" aria-label="Legend">
        <li>
          <svg width="28" height="12" aria-hidden="true" focusable="false">
            <line x1="1" y1="6" x2="27" y2="6" stroke="var(--cl-c-curve)" stroke-width="2.5" />
          </svg>
          Reduction the curve asks for
        </li>
        <li>
          <svg width="28" height="12" aria-hidden="true" focusable="false">
            <path d="M14 1 L19 6 L14 11 L9 6 Z" fill="var(--cl-c-measured)" />
          </svg>
          Within {NEAR_DB} dB of the threshold (applied)
        </li>
        <li>
          <svg width="28" height="12" aria-hidden="true" focusable="false">
            <circle cx="14" cy="6" r="4" fill="none" stroke="var(--cl-c-measured)" stroke-width="1.5" />
          </svg>
          Further away (applied)
        </li>
      </ul>
      <p id={descId} class="cl-desc" aria-live="polite">
        {model && clip
          ? `On “${clip.title}”: ${describeKneeZone(model, clip.id)}`
          : 'Working out what this setting does to the clip…'}
      </p>
    </figure>
  );
}
