/**
 * The content width of an element, kept current with a ResizeObserver (0 until measured). The width is read when
 * the observer reports (its first report comes with the first layout after mounting), while the layout is fresh:
 * read at mount instead, it would force a layout of the whole page in the middle of its hydration.
 */
import { useEffect, useState, type MutableRef } from 'preact/hooks';

export function useWidth(ref: MutableRef<HTMLElement | null>, fallbackPx = 640): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const apply = (px: number) => setWidth(Math.max(200, Math.floor(px || fallbackPx)));
    if (typeof ResizeObserver === 'undefined') {
      apply(el.clientWidth);
      return undefined;
    }
    let frame = 0;
    const observer = new ResizeObserver(() => {
      const px = el.clientWidth;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => apply(px));
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [ref, fallbackPx]);
  return width;
}
