/**
 * Module hooks for `npm run bench`: `node --import tsx --import ./scripts/lib/platform-math-hooks.mjs …` loads
 * scripts/lib/platform-math.ts wherever a module imports src/dsp/fast-math, so the bench times the very same kernel
 * with Math.log / Math.exp. Source: Node.js module customization hooks (module.register, resolve).
 */
import { register } from 'node:module';

const hooks = `
const standIn = ${JSON.stringify(new URL('./platform-math.ts', import.meta.url).href)};
export async function resolve(specifier, context, next) {
  if (/\\/fast-math(\\.ts)?$/.test(specifier)) {
    return next(standIn, context);
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
