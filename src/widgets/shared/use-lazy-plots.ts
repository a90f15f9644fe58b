/**
 * A widget's plot code (its plot.ts, and so Observable Plot), loaded once the widget’s plot area comes within
 * 200 px of the viewport (or at once where IntersectionObserver is missing, and on embed pages, whose
 * <html data-plots="eager"> says the page is the plot and its host sizes the iframe to what it shows). Returns null
 * until it has arrived; every widget of a page shares one download per module. See plot-loader.ts.
 */
import { useEffect, useState, type MutableRef } from 'preact/hooks';
import { loadPlotDom, reportPlotLoadError } from './plot-loader';

const modules = new WeakMap<() => Promise<unknown>, unknown>();

export function useLazyPlots<T>(host: MutableRef<HTMLElement | null>, load: () => Promise<T>): T | null {
  const [module, setModule] = useState<T | null>(() => (modules.get(load) as T | undefined) ?? null);
  useEffect(() => {
    if (module) return undefined;
    let live = true;
    const fetchNow = () => {
      Promise.all([load(), loadPlotDom()]).then(([m]) => {
        modules.set(load, m);
        if (live) setModule(m);
      }, reportPlotLoadError);
    };
    const el = host.current;
    const eager = document.documentElement.dataset['plots'] === 'eager';
    if (!el || eager || typeof IntersectionObserver === 'undefined') {
      fetchNow();
      return () => {
        live = false;
      };
    }
    const near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        near.disconnect();
        fetchNow();
      },
      { rootMargin: '200px 0px 200px 0px' },
    );
    near.observe(el);
    return () => {
      live = false;
      near.disconnect();
    };
  }, [host, load, module]);
  return module;
}
