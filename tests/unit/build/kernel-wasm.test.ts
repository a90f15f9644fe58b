/**
 * The committed WebAssembly bytes (src/dsp/kernel-wasm-bytes.ts) are what assembly/kernel.ts compiles to now:
 * `npm run wasm` (scripts/build/kernel-wasm.mjs) builds them again here and the two must be equal.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { WASM_MODULE_PATH, buildKernelWasm } from '../../../scripts/build/kernel-wasm.mjs';

describe('the kernel’s WebAssembly block', () => {
  it('in src/dsp/kernel-wasm-bytes.ts is assembly/kernel.ts as compiled now (npm run wasm)', async () => {
    const fresh = buildKernelWasm();
    const committed = await readFile(WASM_MODULE_PATH, 'utf8');
    expect(committed).toBe(fresh);
  }, 60_000);
});
