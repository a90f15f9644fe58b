/**
 * Coalescing queue for renders (pure logic, no DOM): at most `lanes` renders run at once (one per runner: render.ts
 * has two render Workers for short clips, so a drag's next step need not wait for the render in flight); while
 * every lane allowed for a request is busy, only the newest request waits, older ones are dropped. Every finished
 * render is delivered unless a newer one was delivered already (an intermediate result keeps the plots moving
 * during a slider drag; an older one never replaces a newer one), and a result for a clip that is no longer current
 * is discarded.
 */

export interface RenderRequest<C, P> {
  clip: C;
  params: P;
}

export class RenderQueue<C, P, R> {
  /** Per lane, whether a render runs there. */
  private readonly running: boolean[];
  private pending: RenderRequest<C, P> | null = null;
  private seq = 0;
  /** The order (seq) of the newest render delivered. */
  private deliveredSeq = 0;
  private currentClip: C | null = null;
  private disposed = false;

  /**
   * @param run runs a request on a lane (0 first: lane 0's runner may hold renders made ahead).
   * @param lanes how many lanes a request may use (at least 1, at most `maxLanes`).
   */
  constructor(
    private readonly run: (request: RenderRequest<C, P>, lane: number) => Promise<R>,
    private readonly deliver: (result: R, request: RenderRequest<C, P>) => void,
    private readonly fail: (error: unknown) => void = () => undefined,
    maxLanes = 1,
    private readonly lanes: (request: RenderRequest<C, P>) => number = () => maxLanes,
  ) {
    this.running = Array.from({ length: Math.max(1, maxLanes) }, () => false);
  }

  /** Number of renders started so far. */
  get started(): number {
    return this.seq;
  }

  get busy(): boolean {
    return this.running.some(Boolean);
  }

  request(clip: C, params: P): void {
    this.currentClip = clip;
    this.pending = { clip, params };
    this.pump();
  }

  /** Forget the clip (e.g. none loaded): pending work is dropped and in-flight results are discarded. */
  clear(): void {
    this.currentClip = null;
    this.pending = null;
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }

  /** The first free lane the request may use, or −1. */
  private freeLane(request: RenderRequest<C, P>): number {
    const allowed = Math.min(this.running.length, Math.max(1, this.lanes(request)));
    for (let lane = 0; lane < allowed; lane++) if (!this.running[lane]) return lane;
    return -1;
  }

  private pump(): void {
    const request = this.pending;
    if (!request || this.disposed) return;
    const lane = this.freeLane(request);
    if (lane < 0) return;
    this.pending = null;
    void this.runOn(lane, request);
  }

  private async runOn(lane: number, request: RenderRequest<C, P>): Promise<void> {
    this.running[lane] = true;
    const order = ++this.seq;
    try {
      const result = await this.run(request, lane);
      const current = !this.disposed && request.clip === this.currentClip;
      if (current && order > this.deliveredSeq) {
        this.deliveredSeq = order;
        this.deliver(result, request);
      }
    } catch (error) {
      if (!this.disposed) this.fail(error);
    } finally {
      this.running[lane] = false;
    }
    this.pump();
  }
}
