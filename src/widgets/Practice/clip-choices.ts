/** The clips a practice widget offers, from the manifest (titles as the lessons name them). */
import { useEffect, useState } from 'preact/hooks';
import { loadManifest } from '../../audio/clips';

export interface ClipChoice {
  id: string;
  title: string;
}

export function useClipChoices(only?: readonly string[]): { choices: ClipChoice[]; error: string | null } {
  const [choices, setChoices] = useState<ClipChoice[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadManifest()
      .then((m) => {
        if (!live) return;
        const all = m.clips.map((c) => ({ id: c.id, title: c.title }));
        setChoices(only ? all.filter((c) => only.includes(c.id)) : all);
      })
      .catch((e: unknown) => {
        if (live) setError(`The list of clips could not be loaded: ${e instanceof Error ? e.message : String(e)}.`);
      });
    return () => {
      live = false;
    };
  }, [only]);
  return { choices, error };
}
