/** The "Clip" chooser of a practice widget (the manifest's clips, or the current one until the list arrives). */
import type { ClipChoice } from './clip-choices';

interface Props {
  choices: readonly ClipChoice[];
  value: string;
  title: string;
  onChange: (id: string) => void;
}

export function ClipSelect({ choices, value, title, onChange }: Props) {
  return (
    <label>
      Clip{' '}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {(choices.length ? choices : [{ id: value, title }]).map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
    </label>
  );
}
