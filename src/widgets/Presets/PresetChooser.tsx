/**
 * Preset chooser: a select of the starting points in src/lib/presets and, beside it, every value of the chosen
 * one with the sentence that says why. Choosing sets every parameter of the lab. Values the learner moves
 * afterwards are marked in the list ("now 4 to 1"), so the reasons never describe a setting that is gone.
 */
import { useEffect, useState } from 'preact/hooks';
import { findPreset, matchingPreset, PRESETS, type PresetId } from '../../lib/presets';
import { useLab } from '../shared/use-lab';
import { useInstanceId } from '../shared/use-instance-id';
import { changedCount, presetRows } from './model';
import '../shared/widgets.css';
import './presets.css';

const OWN = 'own';

export default function PresetChooser({ group = 'default' }: { group?: string }) {
  const lab = useLab(group);
  const id = useInstanceId('presets');
  const params = lab.params.value;
  const matching = matchingPreset(params);
  // The last preset the settings equalled (chosen here, by the lesson or by the link), kept when a value moves.
  const [chosen, setChosen] = useState<PresetId | null>(() => matching?.id ?? null);
  useEffect(() => {
    if (matching) setChosen(matching.id);
  }, [matching]);
  // The preset the list explains: the one the settings equal now, else the one last chosen here.
  const shown = matching ?? (chosen ? findPreset(chosen) : null);
  const choose = (value: string) => {
    const preset = findPreset(value);
    if (!preset) return;
    lab.params.value = { ...preset.params };
  };
  const moved = shown ? changedCount(shown, params) : 0;
  return (
    <section class="cl-widget cl-presets not-content" aria-labelledby={`${id}-title`}>
      <h3 class="cl-widget-title" id={`${id}-title`}>
        Preset
      </h3>
      <label class="cl-presets-field" for={`${id}-select`}>
        Start from{' '}
        <select id={`${id}-select`} value={matching?.id ?? OWN} onChange={(e) => choose(e.currentTarget.value)}>
          <option value={OWN} disabled>
            Your own settings
          </option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {shown ? (
        <div class="cl-presets-why" aria-live="polite">
          <p class="cl-desc">
            <strong>{shown.label}:</strong> {shown.summary}
            {moved > 0 &&
              ` You have changed ${moved === 1 ? 'one value' : `${moved} values`} since choosing it (marked “now”).`}
          </p>
          <ul class="cl-presets-list">
            {presetRows(shown, params).map((row) => (
              <li key={row.key}>
                <span class="cl-presets-value">
                  {row.label} {row.value}
                  {row.nowValue !== null && <em> (now {row.nowValue})</em>}
                </span>
                : {row.why}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="cl-desc">Choose a starting point; each value comes with the reason it is set so.</p>
      )}
    </section>
  );
}
