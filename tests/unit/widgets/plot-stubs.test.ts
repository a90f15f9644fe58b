import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as stubGeo from '../../../src/widgets/shared/plot-stubs/d3-geo.js';
import * as stubChromatic from '../../../src/widgets/shared/plot-stubs/d3-scale-chromatic.js';

describe('d3 stand-ins for the site bundle', () => {
  it('export every name the real modules export', async () => {
    // Loaded from their files: by name the tests get the stand-ins too (vitest.config.ts aliases them, as the site
    // does). The real packages ship no type declarations, and only their export names matter here.
    const resolve = createRequire(import.meta.url).resolve;
    const load = (name: string) =>
      import(/* @vite-ignore */ pathToFileURL(resolve(name)).href) as Promise<Record<string, unknown>>;
    const realGeo = await load('d3-geo');
    const realChromatic = await load('d3-scale-chromatic');
    expect(Object.keys(stubGeo).sort()).toEqual(Object.keys(realGeo).sort());
    expect(Object.keys(stubChromatic).sort()).toEqual(Object.keys(realChromatic).sort());
  });

  it('are what the unit tests (and so the SVG snapshots) get for the real names, as the site does', async () => {
    const byName = (name: string) => import(/* @vite-ignore */ name) as Promise<unknown>;
    expect(await byName('d3-geo')).toBe(stubGeo);
    expect(await byName('d3-scale-chromatic')).toBe(stubChromatic);
  });

  it('let Plot load (geoTransform) and fail loudly if anything else is used', () => {
    const transform = stubGeo.geoTransform();
    expect(() => transform.stream()).toThrow('d3-geo.geoTransform().stream is not bundled with Compressor Lab');
    expect(() => stubGeo.geoPath()).toThrow('d3-geo.geoPath is not bundled');
    expect(() => stubChromatic.interpolateViridis()).toThrow('d3-scale-chromatic.interpolateViridis is not bundled');
  });
});
