/**
 * RenderLoans (src/state/render-loans.ts): a retired render's arrays go back only when nothing holds it, exactly
 * once, and a late reader can tell they are gone.
 */
import { describe, expect, it } from 'vitest';
import { RenderLoans } from '../../../src/state/render-loans';

describe('RenderLoans', () => {
  it('gives a retired render back at once when nothing holds it', () => {
    const loans = new RenderLoans<object>();
    const render = {};
    const given: object[] = [];
    expect(loans.givenBack(render)).toBe(false);
    loans.retire(render, () => given.push(render));
    expect(given).toEqual([render]);
    expect(loans.givenBack(render)).toBe(true);
  });

  it('waits for every hold to be released, then gives it back once', () => {
    const loans = new RenderLoans<object>();
    const render = {};
    let given = 0;
    const first = loans.hold(render);
    const second = loans.hold(render);
    loans.retire(render, () => given++);
    expect(given).toBe(0);
    expect(loans.givenBack(render)).toBe(false);
    first();
    first(); // releasing twice counts once
    expect(given).toBe(0);
    expect(loans.held(render)).toBe(true);
    second();
    expect(given).toBe(1);
    expect(loans.givenBack(render)).toBe(true);
    expect(loans.held(render)).toBe(false);
    // Retiring again, or a hold released late, never gives it back twice.
    loans.retire(render, () => given++);
    loans.hold(render)();
    expect(given).toBe(1);
  });

  it('never gives back a render that is held but not retired', () => {
    const loans = new RenderLoans<object>();
    const render = {};
    let given = 0;
    const release = loans.hold(render);
    release();
    expect(given).toBe(0);
    expect(loans.givenBack(render)).toBe(false);
    loans.retire(render, () => given++);
    expect(given).toBe(1);
  });

  it('keeps renders apart', () => {
    const loans = new RenderLoans<object>();
    const a = {};
    const b = {};
    const given: object[] = [];
    const holdA = loans.hold(a);
    loans.retire(a, () => given.push(a));
    loans.retire(b, () => given.push(b));
    expect(given).toEqual([b]);
    holdA();
    expect(given).toEqual([b, a]);
  });
});
