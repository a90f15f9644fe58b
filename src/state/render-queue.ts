/**
 * Coalescing queue for renders (pure logic, no DOM): at most one render runs; while it runs only the newest
 * request waits, older ones are dropped. Every finished render is delivered (an intermediate result keeps the
 * plots moving during a slider drag), and a result for a clip that is no longer current is discarded.
 */

export interface RenderRequest<C, P> {
  clip: C;
  params: P;
}

export class RenderQueue<C, P, R> {
  private running = false;
  private pending: RenderRequest<C, P> | null = null;
  private seq = 0;
  private currentClip: C | null = null;
  private disposed = false;

  constructor(
    private readonly run: (request: RenderRequest<C, P>) => Promise<R>,
    private readonly deliver: (result: R, request: RenderRequest<C, P>) => void,
    private readonly fail: (error: unknown) => void = () => undefined,
  ) {}

  /** Number of renders started so far. */
  get started(): number {
    return this.seq;
  }

  get busy(): boolean {
    return this.running;
  }

  request(clip: C, params: P): void {
    this.currentClip = clip;
    this.pending = { clip, params };
    if (!this.running) void this.pump();
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

  private async pump(): Promise<void> {
    while (this.pending && !this.disposed) {
      const request = this.pending;
      this.pending = null;
      this.running = true;
      this.seq++;
      try {
        const result = await this.run(request);
        if (!this.disposed && request.clip === this.currentClip) this.deliver(result, request);
      } catch (error) {
        if (!this.disposed) this.fail(error);
      } finally {
        this.running = false;
      }
    }
  }
}
