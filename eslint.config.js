// Flat config: typescript-eslint, Astro and jsx-a11y. Every rule here blocks (npm run lint uses --max-warnings=0).
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Names that must never appear in src/dsp: it is pure numbers-in, numbers-out code. */
const domGlobals = [
  'window',
  'document',
  'navigator',
  'self',
  'globalThis',
  'AudioContext',
  'OfflineAudioContext',
  'AudioParam',
  'AudioNode',
  'AudioWorkletNode',
  'AudioWorkletProcessor',
  'AudioBuffer',
  'requestAnimationFrame',
  'HTMLElement',
  'Element',
  'fetch',
  'process',
  'Buffer',
].map((name) => ({ name, message: 'src/dsp is pure: no DOM, Web Audio, Node or framework globals.' }));

/**
 * The layers of src/, lowest first: each folder may import only the folders listed for it (and itself). Anything
 * not listed (e.g. src/pages, src/components, src/layouts) may import every layer; nothing in src/ imports tests/
 * or scripts/. README.md "Architecture" draws the same picture.
 */
export const LAYERS = {
  dsp: [],
  io: ['dsp'],
  clips: ['dsp', 'io'],
  audio: ['dsp', 'io', 'clips'],
  lib: ['dsp', 'io', 'clips'],
  state: ['dsp', 'io', 'clips', 'audio', 'lib'],
  widgets: ['dsp', 'io', 'clips', 'audio', 'lib', 'state'],
};
const SRC_FOLDERS = [...Object.keys(LAYERS), 'pages', 'components', 'layouts', 'styles', 'assets'];

/**
 * An import path that reaches `folders` of src/ (or tests/, scripts/) from inside src/: '../state/lab',
 * '../../src/widgets/x', '~/widgets/x'.
 */
function reaching(folders) {
  const outside = '^(?:\\.\\./)+(?:tests|scripts)(?:/|$)';
  if (folders.length === 0) return outside;
  return `^(?:~/|(?:\\.\\./)+(?:src/)?)(?:${folders.join('|')})(?:/|$)|${outside}`;
}

/** no-restricted-imports and the same check for dynamic import(), for one folder of src/. */
function layerRules(folder, extraPatterns = []) {
  const allowed = new Set([folder, ...(LAYERS[folder] ?? SRC_FOLDERS)]);
  const forbidden = SRC_FOLDERS.filter((f) => !allowed.has(f));
  const message =
    forbidden.length > 0
      ? `src/${folder} may import only ${[...allowed].map((f) => `src/${f}`).join(', ')} (layers: README.md).`
      : 'src/ never imports tests/ or scripts/.';
  const regex = reaching(forbidden);
  return {
    'no-restricted-imports': ['error', { patterns: [{ regex, message }, ...extraPatterns] }],
    // esquery's /regex/ cannot hold a '/': \u002F stands for it.
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\u002F')}/]`, message },
    ],
  };
}

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-test/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      // AssemblyScript (its own types and builtins: f64, v128, load<T>), compiled by `npm run wasm`, not tsc.
      'assembly/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strict,
  tseslint.configs.stylistic,
  astro.configs.recommended,
  // Type-aware rules (floating and misused promises, unsafe any, …) for the TypeScript sources, with the project's
  // own tsconfig; plain JavaScript and .astro files are linted without types.
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Tests read JSON (command-line reports, fetched files) and check its fields with expect().
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      // Indexed loops are the norm in DSP hot paths (several arrays walked in step).
      '@typescript-eslint/prefer-for-of': 'off',
    },
  },
  {
    files: ['**/*.tsx', '**/*.jsx'],
    extends: [jsxA11y.flatConfigs.strict],
  },
  // Preact's hooks follow React's rules: called unconditionally, effects list what they read.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // One-way layers (LAYERS above), per folder of src/.
  ...Object.keys(LAYERS)
    .filter((folder) => folder !== 'dsp')
    .map((folder) => ({ files: [`src/${folder}/**/*.{ts,tsx,js,mjs}`], rules: layerRules(folder) })),
  {
    files: ['src/pages/**', 'src/components/**', 'src/layouts/**', 'src/*.ts'],
    rules: layerRules('pages'),
  },
  {
    files: ['src/dsp/**/*.ts'],
    ignores: ['src/dsp/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...domGlobals],
      ...layerRules('dsp', [
        { group: ['preact', 'preact/*', '@preact/*'], message: 'src/dsp must not import Preact.' },
        { group: ['node:*', 'fs', 'path'], message: 'src/dsp must not import Node modules.' },
        { group: ['astro', 'astro:*', '@astrojs/*'], message: 'src/dsp must not import Astro.' },
      ]),
    },
  },
);
