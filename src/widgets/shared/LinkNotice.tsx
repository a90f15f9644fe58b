/**
 * Says, once per page, what the page's link asked for that could not be used as given ("Ratio “999” is outside
 * the range …, so 20 to 1 is used"). Text only: nothing from the URL is ever rendered as HTML. The first notice
 * mounted for a lab shows it; later ones (other workbenches on the same page) stay empty.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lab } from '../../state/lab';
import './widgets.css';

const shownBy = new WeakMap<Lab, object>();

export function LinkNotice({ lab }: { lab: Lab }) {
  const [me] = useState(() => ({}));
  const [dismissed, setDismissed] = useState(false);
  if (!shownBy.has(lab)) shownBy.set(lab, me);
  useEffect(
    () => () => {
      if (shownBy.get(lab) === me) shownBy.delete(lab);
    },
    [lab, me],
  );
  const notes = lab.linkNotes.value;
  if (shownBy.get(lab) !== me || dismissed || notes.length === 0) return null;
  return (
    <div class="cl-link-notice" role="status">
      <p>This link’s settings were adjusted:</p>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <button type="button" class="cl-button" onClick={() => setDismissed(true)}>
        OK
      </button>
    </div>
  );
}
