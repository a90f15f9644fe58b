/**
 * Whether a widget's element has come within 200 px of the viewport (and stays true from then on): what a widget
 * waits for before fetching its plot code (use-lazy-plots.ts) or measuring a whole clip it shows far down the page.
 * True at once where IntersectionObserver is missing, and on embed pages, whose <html data-plots="eager"> says the
 * page is the figure and its host sizes the iframe to what it shows.
 */
import { useEffect, useState, type MutableRef } from 'preact/hooks';

export const NEAR_MARGIN = '200px 0px 200px 0px';

export function useNear(host: MutableRef<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near) return undefined;
    const el = host.current;
    const eager = document.documentElement.dataset['plots'] === 'eager';
    if (!el || eager || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        setNear(true);
      },
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [host, near]);
  return near;
}
