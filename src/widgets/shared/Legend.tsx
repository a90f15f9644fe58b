/** A legend whose swatches repeat each series' dash pattern or fill, so it works without colour. */
import { SERIES, type SeriesName } from './palette';

interface Props {
  items: readonly { series: SeriesName; kind?: 'line' | 'area' | 'bar' | 'dot'; label?: string }[];
}

export function Legend({ items }: Props) {
  return (
    <ul class="cl-legend" aria-label="Legend">
      {items.map(({ series, kind = 'line', label }) => {
        const s = SERIES[series];
        return (
          <li key={series}>
            <svg width="28" height="12" aria-hidden="true" focusable="false">
              {kind === 'line' && (
                <line x1="1" y1="6" x2="27" y2="6" stroke={s.color} stroke-width="2.5" stroke-dasharray={s.dash} />
              )}
              {kind === 'area' && (
                <rect
                  x="1"
                  y="1"
                  width="26"
                  height="10"
                  fill={s.color}
                  fill-opacity="0.45"
                  stroke={s.color}
                  stroke-dasharray={s.dash}
                />
              )}
              {kind === 'bar' && <rect x="1" y="3" width="26" height="6" fill={s.color} />}
              {kind === 'dot' && (
                <>
                  <line x1="14" y1="0" x2="14" y2="12" stroke={s.color} stroke-width="2" opacity="0.6" />
                  <path d="M14 2 L18 6 L14 10 L10 6 Z" fill={s.color} />
                </>
              )}
            </svg>
            {label ?? s.label}
          </li>
        );
      })}
    </ul>
  );
}
