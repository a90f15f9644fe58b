/** The "Gain reduction" meter (role=meter), fed by the worklet's display-rate metering. */
import type { Lab } from '../../state/lab';
import { METER_MAX_DB, meterText, meterValue } from './model';

export function GainReductionMeter({ lab }: { lab: Lab }) {
  const reductionDb = lab.meter.value?.reductionDb ?? null;
  const value = meterValue(reductionDb);
  return (
    <div class="cl-player-row">
      <span class="cl-player-legend" aria-hidden="true">
        Gain reduction
      </span>
      <div
        role="meter"
        aria-label="Gain reduction"
        aria-valuemin={0}
        aria-valuemax={METER_MAX_DB}
        aria-valuenow={Number(value.toFixed(1))}
        aria-valuetext={meterText(reductionDb)}
        class="cl-player-meter"
      >
        <div class="cl-player-meter-bar" style={{ width: `${(value / METER_MAX_DB) * 100}%` }} />
      </div>
      <span class="cl-player-time" aria-hidden="true">
        {value.toFixed(1)} dB
      </span>
    </div>
  );
}
