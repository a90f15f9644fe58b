/**
 * When a render's arrays may go back to the render Worker to be written again (pure, no DOM). The render Worker
 * writes each render into arrays the page has given back (render.worker.ts keeps them in a small pool): fresh
 * arrays of a 20 s stereo render are ~18 MB the system must map and zero every time, a third of the Worker's job.
 * Giving an array back detaches it on the page (its length becomes 0), so it must be in nobody's hands then:
 *
 * - render.ts retires a render only once two newer ones have been shown (every view has drawn a newer one), or
 *   when its clip is closed;
 * - anything that keeps a render beyond the moment it reads `lab.render` (the loudness job waiting its turn, a
 *   measure Worker's job waiting to copy it, a WAV export, an exercise's check) holds it with `holdRender` and
 *   releases it when done; a retired render that is held goes back when the last hold is released;
 * - `givenBack` says whether a render's arrays are gone (a late reader skips it instead of reading empty arrays).
 */

export class RenderLoans<T extends object> {
  private readonly holds = new Map<T, number>();
  /** Retired renders still held, with what gives them back. */
  private readonly retired = new Map<T, () => void>();
  private readonly given = new WeakSet<T>();

  /** Keep `render`'s arrays on the page until the returned function is called (once is enough; more is harmless). */
  hold(render: T): () => void {
    this.holds.set(render, (this.holds.get(render) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.holds.get(render) ?? 1) - 1;
      if (left > 0) {
        this.holds.set(render, left);
        return;
      }
      this.holds.delete(render);
      const giveBack = this.retired.get(render);
      this.retired.delete(render);
      if (giveBack) this.giveBack(render, giveBack);
    };
  }

  /** `render` is shown nowhere any more: `giveBack` runs now, or when its last hold is released. */
  retire(render: T, giveBack: () => void): void {
    if (this.given.has(render) || this.retired.has(render)) return;
    if (this.holds.has(render)) this.retired.set(render, giveBack);
    else this.giveBack(render, giveBack);
  }

  /**
   * Whether `render` was retired with nothing holding it: its arrays may have gone back (then they are empty here;
   * a render the render Worker did not make, or too large for its pool, keeps them), so it is read no more.
   */
  givenBack(render: T): boolean {
    return this.given.has(render);
  }

  /** Whether something holds `render`. */
  held(render: T): boolean {
    return this.holds.has(render);
  }

  private giveBack(render: T, giveBack: () => void): void {
    this.given.add(render);
    giveBack();
  }
}

/** The page's loans (every lab's renders). */
const loans = new RenderLoans<object>();

/** Keep `render`'s arrays on the page until the returned release function is called. */
export function holdRender(render: object): () => void {
  return loans.hold(render);
}

/** Retire `render` (render.ts): its arrays go back through `giveBack` once nothing holds it. */
export function retireRender(render: object, giveBack: () => void): void {
  loans.retire(render, giveBack);
}

/** Whether `render` is retired and released: its arrays may be back with the render Worker (empty here). */
export function renderGivenBack(render: object): boolean {
  return loans.givenBack(render);
}
