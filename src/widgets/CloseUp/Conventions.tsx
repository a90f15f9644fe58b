/**
 * The current attack or release setting read under other tools' conventions (conventions.ts), as a table a
 * learner can carry to another plug-in. Follows the slider of its lab.
 */
import { useLab } from '../shared/use-lab';
import { conventionRows, formatMs } from './conventions';
import type { StepKind } from './step-response';

export function Conventions({ group = 'default', kind }: { group?: string; kind: StepKind }) {
  const lab = useLab(group);
  const tau = kind === 'attack' ? lab.params.value.attackMs : lab.params.value.releaseMs;
  const rate = lab.clip.value?.sampleRate ?? 48000;
  const rows = conventionRows(tau, rate);
  const name = kind === 'attack' ? 'attack' : 'release';
  return (
    <table class="cl-conventions">
      <caption>
        This {name} of {formatMs(tau)} under other conventions
      </caption>
      <thead>
        <tr>
          <th scope="col">Convention</th>
          <th scope="col">Same {name}</th>
          <th scope="col">Measured as</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.convention}>
            <th scope="row">{r.convention}</th>
            <td>{formatMs(r.value)}</td>
            <td>{r.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
