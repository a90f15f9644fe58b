/**
 * Starlight's search, loaded when first used. Starlight's Search component imports `@pagefind/default-ui` once the
 * page is idle and builds the search UI at once: 27 KB of JavaScript gzip on every page, before anyone searches.
 * astro.config.mjs points that import here instead. This PagefindUI keeps the options and builds the real one
 * (and so loads its code, and Pagefind's index) only when the search dialog first opens (the Search button,
 * Ctrl+K / ⌘K); pointing at or focusing the button starts the download a moment earlier. Starlight's own button,
 * dialog, styles and keyboard handling stay as they are.
 */

interface PagefindUIOptions {
  element: string | HTMLElement;
  [option: string]: unknown;
}

interface RealPagefindUI {
  triggerSearch(term: string): void;
  destroy(): void;
}

interface RealModule {
  PagefindUI: new (options: PagefindUIOptions) => RealPagefindUI;
}

let loading: Promise<RealModule> | null = null;

/** The real Pagefind UI module (one download, shared). */
function loadReal(): Promise<RealModule> {
  loading ??= import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs');
  return loading;
}

export class PagefindUI {
  private real: RealPagefindUI | null = null;
  private pendingTerm: string | null = null;

  constructor(options: PagefindUIOptions) {
    const target = typeof options.element === 'string' ? document.querySelector(options.element) : options.element;
    const dialog = target?.closest('dialog');
    if (!target || !dialog) {
      // Not inside Starlight's dialog: nothing to wait for.
      void this.build(options, null);
      return;
    }
    const button = dialog.parentElement?.querySelector<HTMLButtonElement>('button[data-open-modal]');
    const warm = () => void loadReal().catch(() => undefined);
    for (const type of ['pointerenter', 'focus', 'touchstart']) button?.addEventListener(type, warm, { once: true });
    const opened = new MutationObserver(() => {
      if (!dialog.open) return;
      opened.disconnect();
      void this.build(options, dialog);
    });
    opened.observe(dialog, { attributes: true, attributeFilter: ['open'] });
  }

  private async build(options: PagefindUIOptions, dialog: HTMLDialogElement | null): Promise<void> {
    let Real: RealModule['PagefindUI'];
    try {
      ({ PagefindUI: Real } = await loadReal());
    } catch {
      loading = null;
      const target = dialog?.querySelector('#starlight__search');
      if (target) target.textContent = 'Search could not load. Check the connection and reload the page.';
      return;
    }
    this.real = new Real(options);
    if (this.pendingTerm !== null) this.real.triggerSearch(this.pendingTerm);
    // Starlight focuses the search field as the dialog opens; on the first opening it did not exist yet.
    if (dialog?.open) dialog.querySelector<HTMLInputElement>('input')?.focus();
  }

  triggerSearch(term: string): void {
    if (this.real) this.real.triggerSearch(term);
    else this.pendingTerm = term;
  }

  destroy(): void {
    this.real?.destroy();
  }
}
