// Flat config: typescript-eslint, Astro and jsx-a11y. Every rule here blocks (npm run lint uses --max-warnings=0).
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
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

export default defineConfig(
  {
    ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/'],
  },
  js.configs.recommended,
  tseslint.configs.strict,
  tseslint.configs.stylistic,
  astro.configs.recommended,
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
  {
    files: ['src/dsp/**/*.ts'],
    ignores: ['src/dsp/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...domGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['preact', 'preact/*', '@preact/*'], message: 'src/dsp must not import Preact.' },
            { group: ['node:*', 'fs', 'path'], message: 'src/dsp must not import Node modules.' },
            { group: ['astro', 'astro:*', '@astrojs/*'], message: 'src/dsp must not import Astro.' },
            { group: ['../*', '!../dsp/*'], message: 'src/dsp imports only from src/dsp.' },
          ],
        },
      ],
    },
  },
);
