/**
 * Controls: one slider and one number field per parameter the lesson chooses, plus a reset. Thin view over
 * model.ts; the native range input carries the slider role and aria-valuetext ("−20 dB", "4 to 1"), and the
 * keys of the WAI-ARIA slider pattern are handled by positionAfterKey so every scale behaves the same.
 */
import { useState } from 'preact/hooks';
import { DEFAULT_PARAMS, PARAM_SPECS, formatParamValue, type NumericParamKey } from '../../dsp/params';
import type { CompressorParams } from '../../dsp/types';
import type { Lab } from '../../state/lab';
import { useLab } from '../shared/use-lab';
import { useInstanceId } from '../shared/use-instance-id';
import { useUrlState } from '../shared/use-url-state';
import { useEmbedOptions } from '../shared/embed-options-context';
import { fieldText, likelyNextPositions, parseTyped, positionAfterKey, sliderScale } from './model';
import '../shared/widgets.css';
import './controls.css';

export interface ControlsProps {
  group?: string;
  /** Parameters to show, in order. */
  params?: NumericParamKey[];
  /** Values the reset button returns to (defaults: DEFAULT_PARAMS). */
  resetTo?: Partial<CompressorParams>;
  title?: string;
}

function setParam(lab: Lab, key: NumericParamKey, value: number | 'auto'): void {
  const current = lab.params.value;
  if (current[key] === value) return;
  lab.params.value = { ...current, [key]: value };
}

interface RowProps {
  lab: Lab;
  paramKey: NumericParamKey;
  idPrefix: string;
  /** Shown but not changeable (an embed's `lock=`). */
  locked: boolean;
}

function ParamRow({ lab, paramKey, idPrefix, locked }: RowProps) {
  const spec = PARAM_SPECS[paramKey];
  const scale = sliderScale(spec);
  const value = lab.params.value[paramKey];
  const numeric = value === 'auto' ? 0 : value;
  const position = scale.toPosition(numeric);
  const id = `${idPrefix}-${paramKey}`;
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const text = formatParamValue(paramKey, value);
  // Tell the render pipeline what the next key press would ask for, so it can render that ahead.
  const hintNext = (at: number, key: string | null) => {
    if (locked) return;
    const now = lab.params.peek();
    lab.nextParams.value = likelyNextPositions(scale, at, key).map((p) => ({
      ...now,
      [paramKey]: scale.fromPosition(p),
    }));
  };
  const commit = (raw: string) => {
    setDraft(null);
    const parsed = parseTyped(paramKey, raw);
    if ('error' in parsed) {
      setNote(parsed.error);
      return;
    }
    setNote(parsed.note);
    setParam(lab, paramKey, parsed.value);
  };
  return (
    <div class="cl-control">
      <span class="cl-control-label">
        <label for={`${id}-slider`}>
          {spec.label}
          {locked && <span class="cl-control-locked"> (locked)</span>}
        </label>
        <output for={`${id}-slider`} aria-live="off">
          {text}
        </output>
      </span>
      <input
        id={`${id}-slider`}
        class="cl-control-slider"
        type="range"
        min={0}
        max={scale.last}
        step={1}
        value={position}
        disabled={locked}
        aria-valuetext={text}
        onInput={(e) => setParam(lab, paramKey, scale.fromPosition(e.currentTarget.valueAsNumber))}
        onFocus={() => hintNext(position, null)}
        onBlur={() => (lab.nextParams.value = [])}
        onKeyDown={(e) => {
          const next = positionAfterKey(scale, position, e.key);
          if (next === null) return;
          e.preventDefault();
          setNote(null);
          setParam(lab, paramKey, scale.fromPosition(next));
          hintNext(next, e.key);
        }}
      />
      <span class="cl-control-field">
        <input
          id={`${id}-field`}
          type="text"
          inputMode="decimal"
          size={5}
          aria-label={`${spec.label}${spec.unit ? ` in ${spec.unit}` : ''}, type a value`}
          aria-describedby={note ? `${id}-note` : undefined}
          value={draft ?? fieldText(value)}
          readOnly={locked}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => commit(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(e.currentTarget.value);
          }}
        />
        <span class="cl-control-unit" aria-hidden="true">
          {paramKey === 'ratio' ? ': 1' : spec.unit}
        </span>
      </span>
      {note && (
        <p id={`${id}-note`} class="cl-control-note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}

export default function Controls({
  group = 'default',
  params = ['thresholdDb', 'ratio'],
  resetTo,
  title,
}: ControlsProps) {
  const lab = useLab(group);
  useUrlState(lab);
  const idPrefix = useInstanceId('controls');
  const { lock, hide } = useEmbedOptions();
  const reset = () => {
    const next = { ...lab.params.value };
    for (const key of params.filter((k) => !lock.includes(k))) {
      const v = resetTo?.[key] ?? DEFAULT_PARAMS[key];
      Object.assign(next, { [key]: v });
    }
    lab.params.value = next;
  };
  return (
    <fieldset class="cl-controls not-content">
      <legend class="cl-widget-title">{title ?? 'Compressor settings'}</legend>
      {params.map((key) => (
        <ParamRow key={key} lab={lab} paramKey={key} idPrefix={idPrefix} locked={lock.includes(key)} />
      ))}
      {!hide.includes('reset') && params.some((k) => !lock.includes(k)) && (
        <div class="cl-toolbar">
          <button type="button" class="cl-button" onClick={reset}>
            Reset {params.length === 1 ? PARAM_SPECS[params[0] ?? 'thresholdDb'].label.toLowerCase() : 'settings'}
          </button>
        </div>
      )}
    </fieldset>
  );
}
