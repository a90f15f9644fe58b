/** Axis ticks and domains from d3-scale, shared by every plot.ts so axes look alike. */
import { scaleLinear } from 'd3-scale';

/** Round-number ticks across a domain (d3's 1-2-5 steps). */
export function linearTicks(domain: readonly [number, number], count: number): number[] {
  return scaleLinear().domain([domain[0], domain[1]]).ticks(count);
}

/** A domain extended outward to round numbers. */
export function niceDomain(domain: readonly [number, number], count = 5): [number, number] {
  const [a, b] = scaleLinear().domain([domain[0], domain[1]]).nice(count).domain();
  return [a ?? domain[0], b ?? domain[1]];
}
