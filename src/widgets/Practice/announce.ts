/**
 * The practice widgets' announcements to an embedding page (../shared/host-events.ts, protocol in
 * src/lib/embed-protocol.ts): a player that says when it plays and stops, a changed clip or setting, a result.
 */
import { PracticePlayer } from '../../audio/practice-player';
import type { Measured, UrlParams } from '../../lib/embed-protocol';
import { announce } from '../shared/host-events';

/** A practice player that announces play and pause of the clip `clipOf()` names (loops have no single position). */
export function announcingPlayer(clipOf: () => string): PracticePlayer {
  return new PracticePlayer((playing) => announce(playing ? 'play' : 'pause', { clip: clipOf(), positionS: null }));
}

export function announceSetting(clip: string, params: UrlParams = {}): void {
  announce('settingchange', { clip, params });
}

export function announceResult(result: {
  clip: string | null;
  task: string;
  verdict: string;
  passed: boolean;
  score: number;
  message: string;
  measured?: Measured;
  params?: UrlParams;
}): void {
  const { params = {}, measured = null, ...rest } = result;
  announce('result', { ...rest, params, measured });
}
