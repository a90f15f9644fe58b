/**
 * The "Clip" chooser of a practice widget (the manifest's clips, or the current one until the list arrives). A new
 * clip is also announced to an embedding page as a settingchange, with the widget's own `params` if it has any.
 */
import type { UrlParams } from '../../lib/embed-protocol';
import type { ClipChoice } from './clip-choices';
import { announceSetting } from './announce';

interface Props {
  choices: readonly ClipChoice[];
  value: string;
  title: string;
  onChange: (id: string) => void;
  params?: UrlParams;
}

export function ClipSelect({ choices, value, title, onChange, params = {} }: Props) {
  return (
    <label>
      Clip{' '}
      <select
        value={value}
        onChange={(e) => {
          const id = e.currentTarget.value;
          onChange(id);
          announceSetting(id, params);
        }}
      >
        {(choices.length ? choices : [{ id: value, title }]).map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
    </label>
  );
}
