/**
 * CloseUp: one event zoomed — a step of a test signal, or the loudest hit of a clip — with target and applied
 * reduction overlaid, the 63 % (attack) or 36.8 % (release) mark, and the operating point at the marked instant on
 * a small transfer curve. Thin view: model.ts measures, plot.ts draws, describe.ts writes the description.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { CompressorParams } from '../../dsp/types';
import { useInitialParams, useLab } from '../shared/use-lab';
import { useInstanceId } from '../shared/use-instance-id';
import { useUrlState } from '../shared/use-url-state';
import { useWidth } from '../shared/use-width';
import { PlotFigure } from '../shared/PlotFigure';
import { Legend } from '../shared/Legend';
import { CopyEmbed } from '../shared/CopyEmbed';
import { pendingDescription, plotStatusText } from '../shared/plot-status';
import { BAND_MS, closeUpModel, type CloseUpSource } from './model';
import { useLazyPlots } from '../shared/use-lazy-plots';
import { useNear } from '../shared/use-near';
import { describeCloseUp } from './describe';
import { Conventions } from './Conventions';
import { TEST_SIGNALS, isTestSignal, type TestSignalId } from './test-signals';
import { setTestSignalClip } from './test-source';
import type { StepKind } from './step-response';
import '../shared/widgets.css';
import './close-up.css';

export interface CloseUpProps {
  group?: string;
  source?: CloseUpSource;
  kind?: StepKind;
  title?: string;
  /** Starting values for this view's lab (the page URL may override them for the default group). */
  initial?: Partial<CompressorParams>;
  /** Test signal to start with. */
  signal?: TestSignalId;
  /** Show the table of other conventions (test signal only; default true). */
  conventions?: boolean;
  /** Show the "Copy embed code" button (clip source only; default true). */
  embeddable?: boolean;
}

function SignalPicker({ name, value, onPick }: { name: string; value: string; onPick: (id: TestSignalId) => void }) {
  return (
    <fieldset class="cl-closeup-signals">
      <legend>Test signal</legend>
      {(Object.keys(TEST_SIGNALS) as TestSignalId[]).map((id) => (
        <label key={id}>
          <input type="radio" name={name} value={id} checked={value === id} onChange={() => onPick(id)} />{' '}
          {TEST_SIGNALS[id].title}
        </label>
      ))}
    </fieldset>
  );
}

const loadPlots = () => import('./plot');

export default function CloseUp({
  group = 'default',
  source = 'clip',
  kind = 'attack',
  title,
  initial,
  signal = 'test-step',
  conventions = true,
  embeddable = true,
}: CloseUpProps) {
  const lab = useLab(group, true);
  useInitialParams(lab, initial);
  if (source === 'test' && typeof window !== 'undefined' && !isTestSignal(lab.clipId.peek())) {
    setTestSignalClip(lab, signal);
  }
  useUrlState(lab);
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  const plots = useLazyPlots(host, loadPlots);
  // Measured once the view comes near the viewport (as its plots are drawn): a page's hydration leaves it alone
  // further down the page. The first model of a clip walks every sample (its hits, their onsets, the ripple).
  const near = useNear(host);
  const uid = useInstanceId('closeup');
  const clip = lab.clip.value;
  const render = lab.render.value;
  const rendered = lab.renderParams.value;
  const model = useMemo(
    () =>
      near && clip && render && rendered && width > 0
        ? closeUpModel(clip.channels, render, rendered, source, kind, Math.floor(width - 60))
        : null,
    [near, clip, render, rendered, source, kind, width],
  );
  const curveSize = Math.min(260, Math.max(200, Math.floor(width * 0.4)));
  const wide = width >= 560;
  const reductionWidth = wide ? width - curveSize - 16 : width;
  const reduction = useMemo(
    () => (model && plots ? plots.closeUpReductionPlot(model, { width: reductionWidth }) : null),
    [model, plots, reductionWidth],
  );
  const curve = useMemo(
    () => (model && plots && rendered ? plots.closeUpCurvePlot(model, rendered, { size: curveSize }) : null),
    [model, plots, rendered, curveSize],
  );
  const heading = title ?? (kind === 'attack' ? 'Close-up: the attack' : 'Close-up: the release');
  const descId = `${uid}-desc`;
  const titleId = `${uid}-title`;
  const name = clip?.title ?? 'The clip';
  return (
    <figure class="not-content cl-widget cl-closeup" aria-labelledby={titleId}>
      <p id={titleId} class="cl-widget-title">
        {heading}
      </p>
      {source === 'test' && (
        <SignalPicker name={`${uid}-signal`} value={clip?.id ?? signal} onPick={(id) => setTestSignalClip(lab, id)} />
      )}
      <div ref={host} class={wide ? 'cl-closeup-row' : 'cl-closeup-stack'}>
        {model ? (
          <>
            <PlotFigure
              options={reduction}
              label={`${heading}: target and applied gain reduction`}
              describedBy={descId}
            />
            <PlotFigure
              options={curve}
              label={`${heading}: the marked instant on the transfer curve`}
              describedBy={descId}
            />
          </>
        ) : (
          <p class="cl-status">{plotStatusText(lab, near)}</p>
        )}
      </div>
      <Legend
        items={[
          model?.targetFlickers
            ? { series: 'target', kind: 'area', label: `Target reduction (its range over ${BAND_MS} ms)` }
            : { series: 'target' },
          { series: 'applied' },
          { series: 'curve' },
          { series: 'identity' },
        ]}
      />
      <p id={descId} class="cl-desc" aria-live="polite">
        {model && rendered
          ? describeCloseUp(model, rendered, name)
          : !near && lab.render.value
            ? pendingDescription(lab, near)
            : 'The plot appears once the signal is rendered.'}
      </p>
      {source === 'test' && conventions && <Conventions group={group} kind={kind} />}
      {source === 'clip' && embeddable && group === 'default' && (
        <CopyEmbed lab={lab} widget="close-up" controls={['attackMs', 'releaseMs']} />
      )}
    </figure>
  );
}
