/**
 * A host page on a second local origin for embed tests: a tiny HTTP server (port 0: each worker its own) serving
 * pages made of exactly the snippets a teacher copies plus a recorder of the embeds' messages, and the demo host
 * page of tests/e2e/fixtures/host-demo.html at /demo.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { test, type Frame, type Page } from '@playwright/test';
import { iframeSnippet, type EmbedName } from '../../../src/lib/embed';

const DEMO = readFileSync(new URL('../fixtures/host-demo.html', import.meta.url), 'utf8');

export interface Host {
  origin: string;
  /** Serves a page holding the snippets for `embeds` at /<name>; returns its address. */
  page: (name: string, embeds: { widget: EmbedName; src: string; attrs?: string }[]) => string;
}

/** Starts the host before the file's tests and stops it after. */
export function useHost(): Host {
  const pages = new Map<string, string>();
  let server: Server | undefined;
  const host: Host = {
    origin: '',
    page: (name, embeds) => {
      const snippets = embeds.map(({ widget, src, attrs }) => {
        const html = iframeSnippet(src, widget);
        return attrs ? html.replace('<iframe ', `<iframe ${attrs} `) : html;
      });
      pages.set(
        `/${name}`,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head><body style="margin:0;padding:8px">` +
          `<h1>Course page</h1>${snippets.join('\n')}` +
          `<script>window.clEvents=[];addEventListener('message',function(e){if(e.data&&e.data.source==='compressor-lab')window.clEvents.push(e.data);});</script>` +
          `</body></html>`,
      );
      return `${host.origin}/${name}`;
    },
  };
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://host').pathname;
      const body = path === '/demo' ? DEMO : pages.get(path);
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    const s = server;
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    host.origin = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  return host;
}

export async function frameOf(page: Page, index: number): Promise<Frame> {
  const handle = await page.locator('iframe').nth(index).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame ${index}`);
  return frame;
}

export interface Fit {
  iframe: number;
  content: number;
  reported: number;
  scrolls: boolean;
}

/** The iframe's height, its content's, the last height the embeds reported, and whether the frame scrolls. */
export async function fit(page: Page, index: number): Promise<Fit> {
  const frame = await frameOf(page, index);
  // While the frame is still loading there is no body (or no document element) yet: that reads as height 0 and
  // as scrolling, and the poll tries again.
  const content = await frame.evaluate(() => document.body?.getBoundingClientRect().height ?? 0);
  const scrolls = await frame.evaluate(() => {
    const root = document.documentElement as HTMLElement | null;
    return root === null || root.scrollHeight > window.innerHeight + 1;
  });
  const iframe = await page
    .locator('iframe')
    .nth(index)
    .evaluate((el) => el.getBoundingClientRect().height);
  const reported = await page.evaluate(() => {
    const all = (window as unknown as { clEvents: { type: string; height?: number }[] }).clEvents;
    return all.filter((m) => m.type === 'resize').map((m) => m.height ?? 0);
  });
  return { iframe, content, reported: reported.at(-1) ?? -1, scrolls };
}

/** Every message the host page has received from the embeds, in order. */
export function events(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(() => (window as unknown as { clEvents: Record<string, unknown>[] }).clEvents);
}
