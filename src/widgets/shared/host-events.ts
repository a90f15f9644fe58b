/**
 * What a widget tells the page that embeds it, announced once here and sent on by the embed's frame host
 * (./embed-frame.ts) when the widget runs in an <iframe>; on the site's own pages nobody listens and an
 * announcement costs nothing. Payloads are the protocol's (src/lib/embed-protocol.ts).
 */
import type { Payloads } from '../../lib/embed-protocol';

export type Announced = 'settingchange' | 'play' | 'pause' | 'result';
export type Announcement = { [T in Announced]: { type: T; payload: Payloads[T] } }[Announced];

const listeners = new Set<(announcement: Announcement) => void>();

export function announce<T extends Announced>(type: T, payload: Payloads[T]): void {
  for (const listener of listeners) listener({ type, payload } as Announcement);
}

/** Calls `listener` with every announcement from now on; returns the unsubscribe. */
export function onAnnounce(listener: (announcement: Announcement) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
