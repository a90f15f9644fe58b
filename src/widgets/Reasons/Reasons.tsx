/**
 * The four reasons, measured: for the clip in the player, each reason's measure on the original and on the
 * compressed render, with a sentence each. The measures are gain-independent, so they compare the two at the
 * same loudness. Measured in a Worker (reasons-client.ts) after each render arrives; while the render or the
 * measures of the current setting or clip are on their way, the readout says so and shows no numbers from an
 * older setting (a stale job is cancelled and its answer dropped).
 */
import { useMemo } from 'preact/hooks';
import { renderIsCurrent } from '../../state/lab';
import { useLab } from '../shared/use-lab';
import { useInstanceId } from '../shared/use-instance-id';
import { useMeasured } from '../shared/use-measured';
import { reasonsClient } from './reasons-client';
import { reasonRows } from './model';
import '../shared/widgets.css';
import './reasons.css';

export default function Reasons({
  group = 'default',
  title = 'The four reasons, measured',
}: {
  group?: string;
  title?: string;
}) {
  const lab = useLab(group, true);
  const id = useInstanceId('reasons');
  const render = lab.render.value;
  const clip = lab.clip.value;
  const current = renderIsCurrent(lab) && clip !== null && clip.id === lab.clipId.value;
  const measured = useMeasured(reasonsClient, clip, render, current);
  const rows = useMemo(() => (measured?.result ? reasonRows(measured.result) : null), [measured]);
  return (
    <section class="cl-widget cl-reasons not-content" aria-labelledby={`${id}-title`}>
      <h3 class="cl-widget-title" id={`${id}-title`}>
        {title}
      </h3>
      <p class="cl-desc">
        {clip ? `On the ${clip.title}` : 'On the clip in the player'}: the original and the compressed clip, each
        measured as if both played at the same loudness.
      </p>
      {rows ? (
        <>
          <table class="cl-reasons-table">
            <thead>
              <tr>
                <th scope="col">Reason (measure)</th>
                <th scope="col">Original</th>
                <th scope="col">Compressed</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-reason={row.id}>
                  <th scope="row">
                    {row.reason}
                    <span class="cl-reasons-measure">
                      {row.measure} ({row.hint})
                    </span>
                  </th>
                  <td>{row.before}</td>
                  <td>{row.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul class="cl-reasons-sentences" aria-live="polite">
            {rows.map((row) => (
              <li key={row.id}>{row.sentence}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="cl-desc" role="status">
          {measured?.error
            ? `The four measures could not be taken: ${measured.error}. Change the setting or the clip to try again.`
            : 'Measuring the compressed clip…'}
        </p>
      )}
    </section>
  );
}
