// Astro integration (astro.config.mjs): the build stops if public/audio/manifest.json does not match its schema
// (src/clips/manifest-schema.ts). The browser reads the file from the same deployment without a validator.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseManifest } from '../../src/clips/manifest-schema.ts';

/** @returns {import('astro').AstroIntegration} */
export function clipManifest() {
  return {
    name: 'compressor-lab-clip-manifest',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const file = new URL('audio/manifest.json', config.publicDir);
        const manifest = parseManifest(JSON.parse(await readFile(fileURLToPath(file), 'utf8')));
        logger.info(`audio/manifest.json: ${manifest.clips.length} clips match the schema`);
      },
    },
  };
}
