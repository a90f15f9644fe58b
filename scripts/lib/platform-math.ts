/**
 * Stand-in for src/dsp/fast-math.ts in `npm run bench`: the platform's Math.log and Math.exp, so the bench can
 * time the same kernel with and without the table-driven functions (loaded by platform-math-hooks.mjs).
 */
export const fastLn = Math.log;
export const fastExp = Math.exp;
/** No tables: the WebAssembly block (which has fast-math built in) stays off, so the JS kernel is what is timed. */
export const FAST_MATH_TABLES = null;
