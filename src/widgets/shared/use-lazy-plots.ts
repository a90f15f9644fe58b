/**
 * A widget's plot code (its plot.ts, and so Observable Plot), loaded once the widget’s plot area comes near the
 * viewport (use-near.ts: within 200 px, or at once where IntersectionObserver is missing and on embed pages).
 * Returns null until it has arrived; every widget of a page shares one download per module. See plot-loader.ts.
 */
import { useEffect, useState, type MutableRef } from 'preact/hooks';
import { loadPlotDom, reportPlotLoadError } from './plot-loader';
import { useNear } from './use-near';

const modules = new WeakMap<() => Promise<unknown>, unknown>();

export function useLazyPlots<T>(host: MutableRef<HTMLElement | null>, load: () => Promise<T>): T | null {
  const [module, setModule] = useState<T | null>(() => (modules.get(load) as T | undefined) ?? null);
  const near = useNear(host);
  useEffect(() => {
    if (module || !near) return undefined;
    let live = true;
    Promise.all([load(), loadPlotDom()]).then(([m]) => {
      modules.set(load, m);
      if (live) setModule(m);
    }, reportPlotLoadError);
    return () => {
      live = false;
    };
  }, [near, load, module]);
  return module;
}
