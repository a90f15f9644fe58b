#!/usr/bin/env node
/**
 * `npm run compress`: runs scripts/compress.ts from a JavaScript bundle cached under
 * node_modules/.cache/compressor-lab/, so each run skips transpiling TypeScript (tsx costs ~0.2 s).
 *
 *   inputs.json (the bundle's source files) all older than compress.js ─► import the bundle
 *   otherwise ─► esbuild (installed with tsx) ─► temp dir ─► rename into the cache ─► import the bundle
 *   esbuild missing or the cache unwritable ─► run the TypeScript through tsx, as before
 *
 * `./scripts/run-compress.mjs IN.wav OUT.wav …` does the same without npm's own start-up (~0.1 s).
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = `${root}node_modules/.cache/compressor-lab/`;
const bundle = `${cacheDir}compress.js`;
const inputsFile = `${cacheDir}inputs.json`;

function isFresh() {
  try {
    const builtMs = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return inputs.length > 0 && inputs.every((path) => statSync(`${root}${path}`).mtimeMs <= builtMs);
  } catch {
    return false;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const tmp = mkdtempSync(`${cacheDir}build-`);
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: { compress: 'scripts/compress.ts' },
      outdir: tmp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // npm packages (commander) load from node_modules as they are; only the project's TypeScript is bundled.
      packages: 'external',
      metafile: true,
      logLevel: 'error',
    });
    // The bundle first, the marker last: a bundle is used only once its list of sources is in place.
    renameSync(`${tmp}/compress.js`, bundle);
    // The launcher itself counts as a source: a change to these build options rebuilds the bundle.
    const inputs = [...Object.keys(result.metafile.inputs), 'scripts/run-compress.mjs'];
    writeFileSync(`${tmp}/inputs.json`, JSON.stringify(inputs));
    renameSync(`${tmp}/inputs.json`, inputsFile);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

let ready = isFresh();
if (!ready) {
  try {
    await build();
    ready = true;
  } catch (e) {
    process.stderr.write(`compress: running from TypeScript (no bundle: ${String(e).split('\n')[0]})\n`);
  }
}
if (ready) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./compress.ts');
}
