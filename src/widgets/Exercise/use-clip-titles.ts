/** The example clips' titles by id, from the manifest (empty until it has loaded; ids stand in meanwhile). */
import { useEffect, useState } from 'preact/hooks';
import { loadManifest } from '../../audio/clips';

export function useClipTitles(): Readonly<Record<string, string>> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    loadManifest()
      .then((m) => {
        if (live) setTitles(Object.fromEntries(m.clips.map((c) => [c.id, c.title])));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return titles;
}
