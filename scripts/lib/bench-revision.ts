/**
 * The compressor of an earlier git revision, loaded beside the current one for `npm run bench -- --against REV`:
 * src/dsp of REV is written to node_modules/.cache/compressor-lab/dsp-REV/ (with the repository's tsconfig
 * settings applying, as tsx reads ./tsconfig.json for every file) and imported, so both kernels run in ONE process
 * on the same signal, alternating. Source: `git ls-tree` and `git show REV:path` (git's plumbing commands).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Implementation } from './bench-kernel';

const root = fileURLToPath(new URL('../..', import.meta.url));

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
}

/**
 * Imports src/dsp/compressor.ts and kernel.ts as they were at `revision` (a commit, tag or branch name); every
 * revision since dffcb78 exports what the bench times (renderOffline, StreamingCompressor, CompressorKernel).
 */
export async function compressorAt(revision: string): Promise<Implementation> {
  const commit = git(['rev-parse', '--short', `${revision}^{commit}`]).trim();
  const dir = `${root}node_modules/.cache/compressor-lab/dsp-${commit}/`;
  mkdirSync(`${dir}src/dsp`, { recursive: true });
  writeFileSync(`${dir}package.json`, '{"type":"module"}\n');
  for (const path of git(['ls-tree', '--name-only', `${commit}:src/dsp/`]).split('\n')) {
    if (path.endsWith('.ts')) writeFileSync(`${dir}src/dsp/${path}`, git(['show', `${commit}:src/dsp/${path}`]));
  }
  const url = (file: string): string => pathToFileURL(`${dir}src/dsp/${file}`).href;
  const compressor = (await import(url('compressor.ts'))) as Omit<Implementation, 'label' | 'CompressorKernel'>;
  const kernel = (await import(url('kernel.ts'))) as Pick<Implementation, 'CompressorKernel'>;
  return {
    label: commit,
    renderOffline: compressor.renderOffline,
    StreamingCompressor: compressor.StreamingCompressor,
    CompressorKernel: kernel.CompressorKernel,
  };
}
