/**
 * The one-way layers of src/ (eslint.config.js LAYERS, README "Architecture") are enforced by `npm run lint`:
 * ESLint's own Node API lints small sources as if they were files in each folder.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The sources linted here are not files on disk, so the type-aware rules (which need a TypeScript program) are
// switched off for them; every other rule, the layer rules included, is the project's own.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

/** The layer messages ESLint gives `code` as the file `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const use = (source: string) => `import { x } from '${source}';\nexport const y = x;\n`;

describe('layer rules', () => {
  it.each([
    ['src/dsp/probe.ts', '../widgets/shared/palette'],
    ['src/dsp/probe.ts', '../audio/matching'],
    ['src/io/probe.ts', '../audio/clips'],
    ['src/clips/probe.ts', '../state/lab'],
    ['src/audio/probe.ts', '../widgets/shared/palette'],
    ['src/audio/probe.ts', '../state/lab'],
    ['src/audio/probe.ts', '../lib/url-state'],
    ['src/lib/probe.ts', '../audio/clips'],
    ['src/lib/probe.ts', '../widgets/shared/palette'],
    ['src/state/probe.ts', '../widgets/shared/palette'],
    ['src/state/probe.ts', '../../src/widgets/shared/palette'],
    ['src/state/probe.ts', '~/widgets/shared/palette'],
    ['src/widgets/Probe/probe.ts', '../../pages/index.astro'],
    ['src/audio/probe.ts', '../../tests/hooks/hook'],
    ['src/pages/probe.ts', '../../tests/hooks/hook'],
  ])('%s must not import %s', async (file, source) => {
    const errors = await layerErrors(file, use(source));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/may import only|never imports tests/);
  });

  it('catches a wrong-way dynamic import() too', async () => {
    const errors = await layerErrors(
      'src/state/probe.ts',
      `export const load = () => import('../widgets/shared/palette');\n`,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src\/state may import only/);
  });

  it.each([
    ['src/io/probe.ts', '../dsp/levels'],
    ['src/clips/probe.ts', '../io/wav'],
    ['src/audio/probe.ts', '../clips/manifest'],
    ['src/audio/probe.ts', './matching'],
    ['src/lib/probe.ts', '../dsp/params'],
    ['src/state/probe.ts', '../audio/clips'],
    ['src/state/probe.ts', '../lib/url-state'],
    ['src/widgets/Probe/probe.ts', '../../state/lab'],
    ['src/widgets/Probe/probe.ts', '../shared/palette'],
    ['src/pages/probe.ts', '../widgets/shared/palette'],
  ])('%s may import %s', async (file, source) => {
    expect(await layerErrors(file, use(source))).toEqual([]);
  });
});

describe('src/dsp stays pure', () => {
  it('rejects DOM and Node names and framework imports', async () => {
    const [result] = await eslint.lintText(
      `import { signal } from '@preact/signals';\nexport const s = signal(window.innerWidth);\n`,
      { filePath: 'src/dsp/probe.ts' },
    );
    const rules = (result?.messages ?? []).map((m) => m.ruleId);
    expect(rules).toContain('no-restricted-globals');
    expect(rules).toContain('no-restricted-imports');
  });
});
