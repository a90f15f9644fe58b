/**
 * The data lines and bands of a plot, drawn as plain SVG paths into the Observable Plot SVG that holds their axes,
 * with that plot's own scales. Plot renders the frame, axes and labels only when they change (the visible window,
 * the width, a y domain); a new render or a new setting then only rewrites a few `d` attributes, which costs well
 * under a millisecond where re-rendering the whole plot cost tens. The layer is aria-hidden: the plot's SVG carries
 * role="img", its label and its text description (plot-dom.ts), which describe these series.
 *
 * Source: the path commands (M, L, Z) of SVG 1.1 §8.3; a band is its upper edge forward and its lower edge back,
 * as Plot's areaY draws it with curve 'linear'.
 */

/**
 * One series of a plot, with its SVG presentation attributes (set on a `<g>` around it, as Plot does):
 * - line: through (x, y); area: a band between y and y2 (a constant or one value per point);
 * - rules: a vertical segment from y to y2 at each x; diamonds: a diamond of radius `r` px at each (x, y);
 * - rect: the full height of the frame between x[0] and x[1]; text: `text` at (x[0], y[0]), moved by dx, dy px.
 */
export interface SeriesSpec {
  kind: 'line' | 'area' | 'rules' | 'diamonds' | 'rect' | 'text';
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  y2?: ArrayLike<number> | number;
  /** The facet (Plot's fy value) the series belongs to, if the plot is faceted. */
  facet?: string;
  r?: number;
  text?: string;
  dx?: number;
  dy?: number;
  style: Record<string, string | number | undefined>;
}

/** A linear scale as Plot reports it: domain and range. */
export interface LinearMap {
  domain: readonly number[];
  range: readonly number[];
}

/** px = r0 + (v − d0)·(r1 − r0)/(d1 − d0). */
function mapper(scale: LinearMap, offset = 0): (v: number) => number {
  const [d0 = 0, d1 = 1] = scale.domain;
  const [r0 = 0, r1 = 1] = scale.range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + offset + (v - d0) * k;
}

const fmt = (v: number): string => String(Math.round(v * 10) / 10);

/**
 * The SVG path of one series in pixels (pure). Non-finite values break a line or band into pieces, as Plot's
 * `defined` does.
 */
export function seriesPath(spec: SeriesSpec, x: LinearMap, y: LinearMap, yOffset = 0): string {
  const sx = mapper(x);
  const sy = mapper(y, yOffset);
  const n = Math.min(spec.x.length, spec.y.length);
  const other = spec.y2;
  const y2At = (i: number): number => (typeof other === 'number' ? other : (other?.[i] ?? NaN));
  const needsY2 = spec.kind === 'area' || spec.kind === 'rules';
  const ok = (i: number): boolean =>
    Number.isFinite(spec.x[i]) && Number.isFinite(spec.y[i]) && (!needsY2 || Number.isFinite(y2At(i)));
  const X = (i: number) => fmt(sx(spec.x[i] as number));
  const Y = (i: number) => fmt(sy(spec.y[i] as number));
  if (spec.kind === 'rules' || spec.kind === 'diamonds') {
    const r = spec.r ?? 2.5;
    let d = '';
    for (let i = 0; i < n; i++) {
      if (!ok(i)) continue;
      if (spec.kind === 'rules') d += `M${X(i)},${Y(i)}V${fmt(sy(y2At(i)))}`;
      else {
        const cx = sx(spec.x[i] as number);
        const cy = sy(spec.y[i] as number);
        d += `M${fmt(cx)},${fmt(cy - r)}L${fmt(cx + r)},${fmt(cy)}L${fmt(cx)},${fmt(cy + r)}L${fmt(cx - r)},${fmt(cy)}Z`;
      }
    }
    return d;
  }
  const parts: string[] = [];
  let i = 0;
  while (i < n) {
    while (i < n && !ok(i)) i++;
    const start = i;
    while (i < n && ok(i)) i++;
    if (i === start) continue;
    let d = '';
    for (let j = start; j < i; j++) d += `${j === start ? 'M' : 'L'}${X(j)},${Y(j)}`;
    if (spec.kind === 'area') {
      for (let j = i - 1; j >= start; j--) d += `L${X(j)},${fmt(sy(y2At(j)))}`;
      d += 'Z';
    }
    parts.push(d);
  }
  return parts.join('');
}

interface ScaleSource {
  scale(
    name: string,
  ): { domain?: Iterable<unknown>; range?: Iterable<unknown>; apply(v: unknown): unknown } | undefined;
}

/** The scale's two ends, placed by the scale itself (so a reversed scale comes out right). */
function linear(s: { domain?: Iterable<unknown>; apply(v: unknown): unknown }): LinearMap {
  const domain = Array.from(s.domain ?? [], Number);
  return { domain, range: domain.map((v) => Number(s.apply(v))) };
}

/** Draw `series` into the SVG of `plot` (a Plot element), replacing what an earlier call drew there. */
export function drawSeries(plot: Element & ScaleSource, series: readonly SeriesSpec[]): void {
  const svg = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector('svg');
  const x = plot.scale('x');
  const y = plot.scale('y');
  if (!svg || !x || !y) return;
  const doc = svg.ownerDocument;
  const ns = 'http://www.w3.org/2000/svg';
  let layer = svg.querySelector(':scope > g.cl-series');
  if (!layer) {
    layer = doc.createElementNS(ns, 'g');
    layer.setAttribute('class', 'cl-series');
    layer.setAttribute('aria-hidden', 'true');
    // Above the frame, axes and rules; below direct labels (text), which stay legible.
    svg.insertBefore(layer, svg.querySelector(':scope > g[aria-label="text"]'));
  }
  while (layer.childElementCount > series.length) layer.lastElementChild?.remove();
  while (layer.childElementCount < series.length) layer.appendChild(doc.createElementNS(ns, 'g'));
  const fy = plot.scale('fy');
  const xs = linear(x);
  const ys = linear(y);
  series.forEach((spec, i) => {
    const g = layer.children[i] as SVGGElement;
    const tag = spec.kind === 'rect' ? 'rect' : spec.kind === 'text' ? 'text' : 'path';
    let shape = g.firstElementChild;
    if (shape?.tagName !== tag) {
      shape = doc.createElementNS(ns, tag);
      g.replaceChildren(shape);
    }
    const style: Record<string, string | number | undefined> = { ...spec.style };
    if ((spec.kind === 'area' || spec.kind === 'diamonds' || spec.kind === 'rect') && !('stroke' in style)) {
      style.stroke = 'none';
    }
    if ((spec.kind === 'line' || spec.kind === 'rules') && !('fill' in style)) style.fill = 'none';
    for (const [name, value] of Object.entries(style)) {
      if (value === undefined) g.removeAttribute(name);
      else if (g.getAttribute(name) !== String(value)) g.setAttribute(name, String(value));
    }
    const offset = spec.facet !== undefined && fy ? Number(fy.apply(spec.facet)) || 0 : 0;
    if (tag === 'path') {
      shape.setAttribute('d', seriesPath(spec, xs, ys, offset));
      return;
    }
    const sx = mapper(xs);
    const x0 = sx(Number(spec.x[0]));
    if (tag === 'rect') {
      const x1 = sx(Number(spec.x[1]));
      const [top, bottom] = [ys.range[0] ?? 0, ys.range[1] ?? 0].sort((a, b) => a - b) as [number, number];
      shape.setAttribute('x', fmt(Math.min(x0, x1)));
      shape.setAttribute('width', fmt(Math.abs(x1 - x0)));
      shape.setAttribute('y', fmt(top + offset));
      shape.setAttribute('height', fmt(bottom - top));
      return;
    }
    shape.setAttribute('x', fmt(x0 + (spec.dx ?? 0)));
    shape.setAttribute('y', fmt(mapper(ys, offset)(Number(spec.y[0])) + (spec.dy ?? 0)));
    if (shape.textContent !== (spec.text ?? '')) shape.textContent = spec.text ?? '';
  });
}
