/** The content width of an element, kept current with a ResizeObserver (0 until measured). */
import { useEffect, useState, type MutableRef } from 'preact/hooks';

export function useWidth(ref: MutableRef<HTMLElement | null>, fallbackPx = 640): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => setWidth(Math.max(200, Math.floor(el.clientWidth || fallbackPx)));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [ref, fallbackPx]);
  return width;
}
