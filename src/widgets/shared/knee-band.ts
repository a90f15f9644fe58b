/**
 * The knee region drawn on a dB-in plot: a light band from T − W/2 to T + W/2 with a "knee" label at its left
 * edge, so the band never relies on its shade alone. Nothing for a hard knee. Source: docs/compressor.md §2.
 */
import * as Plot from '@observablehq/plot';

export function kneeBandMarks(kneeLowDb: number, kneeHighDb: number, labelYDb: number): Plot.Markish[] {
  if (!(kneeHighDb > kneeLowDb)) return [];
  return [
    Plot.rectX([{ lo: kneeLowDb, hi: kneeHighDb }], { x1: 'lo', x2: 'hi', fill: 'currentColor', fillOpacity: 0.1 }),
    Plot.text([{ x: kneeLowDb }], {
      x: 'x',
      y: labelYDb,
      dy: 10,
      dx: 4,
      textAnchor: 'start',
      text: () => 'knee',
      fill: 'currentColor',
      ariaHidden: 'true',
    }),
  ];
}
