/**
 * Pure: the sentences under the close-up view, written from its model and the settings the render was made with,
 * so the words always describe the plot on screen.
 */
import type { CompressorParams } from '../../dsp/types';
import { formatDbShort, formatTime } from '../shared/describe';
import { BODY_END_MS, CRACK_MS, RIPPLE_SLICE_MS } from './hit-measures';
import { formatMs } from './conventions';
import type { CloseUpModel } from './model';

const db = (v: number) => formatDbShort(v);
const dbfs = (v: number) => formatDbShort(v, 'dBFS');

function describeOperating(m: CloseUpModel): string {
  const o = m.operating;
  if (!o) return '';
  return (
    ` On the transfer curve, at ${formatMs(o.tMs)} an input of ${dbfs(o.inDb)} comes out at ${dbfs(o.outDb)}; ` +
    `the curve alone would put it at ${dbfs(o.staticOutDb)}.`
  );
}

function describeTest(m: CloseUpModel, params: CompressorParams, title: string): string {
  const s = m.step;
  if (!s) return `${title}: the level never goes over the threshold, so there is no step in the reduction to show.`;
  if (m.kind === 'attack') {
    const tenth = params.attackMs / 10;
    return (
      `${title}, attack ${formatMs(params.attackMs)}: at the step the target reduction jumps to ` +
      `${db(m.stepTargetDb ?? s.toDb)} at once. The applied reduction starts moving in the same instant ` +
      `(after ${formatMs(tenth)}, a tenth of the attack time, it is already ${db(m.earlyDb ?? 0)}) ` +
      `and settles at ${db(s.toDb)}; it covers 63 % of that change, ${db(s.markDb)}, after ${formatMs(s.markMs)}.` +
      describeOperating(m)
    );
  }
  return (
    `${title}, release ${formatMs(params.releaseMs)}: when the level drops, the target reduction falls at once, ` +
    `but the applied reduction lets go gradually: ${db(s.fromDb)} at the step, 36.8 % of it (${db(s.markDb)}) ` +
    `still left after ${formatMs(s.markMs)}.` +
    describeOperating(m)
  );
}

function describeClip(m: CloseUpModel, params: CompressorParams, title: string): string {
  const h = m.hit;
  const sum = m.summary;
  if (!h || !sum) return `${title}: no hit goes over the threshold, so the compressor does nothing to zoom in on.`;
  const at = `${title}, loudest hit at ${formatTime(m.eventS)}`;
  if (m.kind === 'attack') {
    return (
      `${at}, attack ${formatMs(params.attackMs)}: its first ${CRACK_MS} ms (the crack) come out ` +
      `${db(h.crackDownDb)} quieter, the body (${CRACK_MS} to ${BODY_END_MS} ms) ${db(h.bodyDownDb)} quieter. ` +
      `Over all ${sum.count} hits that cross the threshold, the median crack is turned down by ` +
      `${db(sum.crackDownDb)} and the median body by ${db(sum.bodyDownDb)}.` +
      describeOperating(m)
    );
  }
  const mark = m.mark;
  const left =
    mark && m.peakMs !== null && m.peakDb !== null
      ? `the applied reduction peaks at ${db(m.peakDb)} and 36.8 % of it is left ` +
        `${formatMs(mark.tMs - m.peakMs)} later`
      : `the applied reduction does not fall to 36.8 % of its peak before the next hit`;
  const next =
    m.nextMs === null || m.nextLeftDb === null
      ? ''
      : ` Just before the next hit, ${formatMs(m.nextMs)} after this one, ${db(m.nextLeftDb)} is still left.`;
  return (
    `${at}, release ${formatMs(params.releaseMs)}: ${left}.${next} Over the clip, the median reduction left just ` +
    `before a hit is ${db(sum.leftBeforeDb)}, and the applied reduction ripples by ${db(m.rippleDb ?? 0)} ` +
    `(median swing in ${RIPPLE_SLICE_MS} ms slices while it works).`
  );
}

/** The close-up's description; `title` names the test signal or the clip. */
export function describeCloseUp(m: CloseUpModel, params: CompressorParams, title: string): string {
  return m.source === 'test' ? describeTest(m, params, title) : describeClip(m, params, title);
}
