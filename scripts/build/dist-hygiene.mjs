// Astro integration run at the end of every build (astro.config.mjs):
// 1. Vite's server build also emits the `?worker&url` Worker and AudioWorklet bundles into _astro/, where no page
//    refers to them (the pages use the client build's copies): those unreferenced copies are deleted.
// 2. Unless the test hooks were asked for (COMPRESSOR_LAB_TEST_HOOKS=1, tests/hooks/integration.mjs), the build
//    fails if any file in it mentions a test hook: production pages carry the product and nothing else.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Strings that only the test hooks (tests/hooks/) contain. */
export const TEST_HOOK_MARKERS = ['__compressorLab', 'test-hooks'];
const TEXT_FILE = /\.(html|js|mjs|css|json|xml|txt|svg|webmanifest)$/;
const WORKER_BUNDLE = /\.(worker|worklet)-[\w-]+\.js$/;

/** Every file below `dir`, as absolute paths. */
async function filesBelow(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Deletes worker/worklet bundles no other file names; returns their paths relative to `dir`.
 * @param {string} dir
 */
export async function removeUnreferencedWorkers(dir) {
  const files = await filesBelow(dir);
  const texts = await Promise.all(
    files.filter((f) => TEXT_FILE.test(f)).map(async (f) => ({ f, text: await readFile(f, 'utf8') })),
  );
  const removed = [];
  for (const file of files.filter((f) => WORKER_BUNDLE.test(f))) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (!texts.some(({ f, text }) => f !== file && text.includes(name))) {
      await rm(file);
      removed.push(relative(dir, file));
    }
  }
  return removed;
}

/**
 * Files below `dir` that mention a test hook, with the marker found.
 * @param {string} dir
 */
export async function testHookMentions(dir) {
  const found = [];
  for (const file of await filesBelow(dir)) {
    if (!TEXT_FILE.test(file)) continue;
    const text = await readFile(file, 'utf8');
    const marker = TEST_HOOK_MARKERS.find((m) => text.includes(m));
    if (marker) found.push(`${relative(dir, file)} (${marker})`);
  }
  return found;
}

/**
 * @param {{ testHooks: boolean }} options
 * @returns {import('astro').AstroIntegration}
 */
export function distHygiene({ testHooks }) {
  return {
    name: 'compressor-lab-dist-hygiene',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const removed = await removeUnreferencedWorkers(root);
        if (removed.length > 0) logger.info(`removed unreferenced bundles: ${removed.join(', ')}`);
        if (testHooks) return;
        const mentions = await testHookMentions(root);
        if (mentions.length > 0) {
          throw new Error(`the production build mentions test hooks (tests/hooks/): ${mentions.join(', ')}`);
        }
      },
    },
  };
}
