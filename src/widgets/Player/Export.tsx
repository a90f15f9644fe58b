/**
 * Export: the compressed clip as a 32-bit float WAV at the clip's own rate, time-aligned (what the command line
 * writes for the same file and settings), and the setting as a recipe that the page address and the command line
 * (`--recipe`) both read. The download is made from the lab's current render only, never from older settings.
 */
import { useEffect, useState } from 'preact/hooks';
import { exportName, wavBlob } from '../../audio/export-wav';
import { recipeOf } from '../../lib/url-state';
import { renderIsCurrent, type Lab } from '../../state/lab';
import { holdRender } from '../../state/render-loans';

export function Export({ lab }: { lab: Lab }) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const clip = lab.clip.value;
  const ready = renderIsCurrent(lab) && clip !== null && !busy;
  const params = lab.params.value;
  const recipe = recipeOf(params);
  // A "saved" line describes one clip and setting: it goes when either changes.
  useEffect(() => setStatus(''), [clip, params]);

  const download = async () => {
    const render = lab.render.peek();
    if (!clip || !render || !renderIsCurrent(lab)) return;
    setBusy(true);
    setStatus('Writing the WAV file…');
    // The WAV is written in slices between tasks: the render's arrays stay on the page until it is done.
    const release = holdRender(render);
    try {
      const blob = await wavBlob(render.output, clip.sampleRate);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = exportName(clip.title);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus(`Saved “${link.download}” (32-bit float, ${clip.sampleRate.toLocaleString('en')} Hz).`);
    } catch (error) {
      setStatus(`The WAV file could not be made: ${error instanceof Error ? error.message : String(error)}.`);
    } finally {
      release();
      setBusy(false);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recipe);
      setStatus('Recipe copied.');
    } catch {
      setStatus('Select the recipe and copy it by hand.');
    }
  };

  return (
    <div class="cl-export">
      <div class="cl-player-row">
        <button type="button" class="cl-own-open" disabled={!ready} onClick={() => void download()}>
          Download compressed WAV
        </button>
        <button type="button" class="cl-own-open" onClick={() => void copy()}>
          Copy recipe
        </button>
        <span class="cl-export-status" role="status">
          {status || (ready ? '' : clip ? 'Rendering…' : '')}
        </span>
      </div>
      <label class="cl-export-recipe">
        <span>
          Recipe{' '}
          <span class="cl-own-hint">
            (address bar or <code>--recipe</code>)
          </span>
        </span>
        <input class="cl-export-code" readOnly value={recipe} onFocus={(e) => e.currentTarget.select()} />
      </label>
    </div>
  );
}
