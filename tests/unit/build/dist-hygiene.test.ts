/** The end-of-build step (scripts/build/dist-hygiene.mjs) on a small fake build folder. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeUnreferencedWorkers, testHookMentions } from '../../../scripts/build/dist-hygiene.mjs';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dist-'));
  mkdirSync(join(dir, '_astro'));
  mkdirSync(join(dir, 'threshold'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (path: string, text: string) => writeFileSync(join(dir, path), text);

describe('dist hygiene', () => {
  it('deletes worker and worklet bundles that nothing names, and keeps the ones a page or script loads', async () => {
    write('_astro/render.worker-AAAA1111.js', 'self.onmessage = () => {};');
    write('_astro/render.worker-BBBB2222.js', 'self.onmessage = () => {};');
    write('_astro/compressor.worklet-CCCC3333.js', 'registerProcessor("x", class {});');
    write('_astro/compressor.worklet-DDDD4444.js', 'registerProcessor("x", class {});');
    write('_astro/Workbench.EEEE5555.js', 'new Worker("/_astro/render.worker-AAAA1111.js")');
    write('threshold/index.html', '<script src="/_astro/compressor.worklet-CCCC3333.js"></script>');
    const removed = await removeUnreferencedWorkers(dir);
    expect(removed.sort()).toEqual(['_astro/compressor.worklet-DDDD4444.js', '_astro/render.worker-BBBB2222.js']);
    expect(existsSync(join(dir, '_astro/render.worker-AAAA1111.js'))).toBe(true);
    expect(existsSync(join(dir, '_astro/compressor.worklet-CCCC3333.js'))).toBe(true);
    expect(existsSync(join(dir, '_astro/Workbench.EEEE5555.js'))).toBe(true);
  });

  it('finds every file that mentions a test hook', async () => {
    write('threshold/index.html', '<h1>Threshold</h1>');
    expect(await testHookMentions(dir)).toEqual([]);
    write('_astro/player.js', 'window.__compressorLab = {}');
    write('sitemap-0.xml', '<loc>https://x/test-hooks/player/</loc>');
    expect((await testHookMentions(dir)).sort()).toEqual([
      '_astro/player.js (__compressorLab)',
      'sitemap-0.xml (test-hooks)',
    ]);
  });
});
