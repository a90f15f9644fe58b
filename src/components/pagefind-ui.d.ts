// The Pagefind UI's own module, which ships without types (src/components/lazy-pagefind-ui.ts loads it).
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export class PagefindUI {
    constructor(options: { element: string | HTMLElement; [option: string]: unknown });
    triggerSearch(term: string): void;
    destroy(): void;
  }
}
