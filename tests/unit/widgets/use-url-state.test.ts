// @vitest-environment jsdom
/**
 * useUrlState (src/widgets/shared/use-url-state.ts) mounted in a Preact tree under jsdom: the link's state reaches
 * the lab once, and the lab's later changes are written back to the address, coalesced, until the last unmount.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { getLab, type Lab } from '../../../src/state/lab';
import { unknownClipNote } from '../../../src/lib/url-state';

vi.mock('../../../src/audio/clips', () => ({
  loadManifest: () => Promise.resolve({ clips: [{ id: 'vocal' }, { id: 'drums' }] }),
}));

const { useUrlState } = await import('../../../src/widgets/shared/use-url-state');

function Bound({ lab }: { lab: Lab }) {
  useUrlState(lab);
  return null;
}

let group = 0;
let root: HTMLElement;

/** A lab with a page of its own: the default group is the one the URL binds, so each test gets fresh modules. */
async function freshDefaultLab(): Promise<{ lab: Lab; Hook: typeof Bound }> {
  vi.resetModules();
  const labModule = await import('../../../src/state/lab');
  const hookModule = await import('../../../src/widgets/shared/use-url-state');
  const lab = labModule.getLab();
  const Hook = ({ lab: l }: { lab: Lab }) => {
    hookModule.useUrlState(l);
    return null;
  };
  return { lab, Hook };
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

describe('useUrlState', () => {
  it('applies the link once: parameters at once, the clip once the manifest lists it', async () => {
    history.replaceState(null, '', '/embed/player/?clip=vocal&threshold=-30&ratio=inf');
    const { lab, Hook } = await freshDefaultLab();
    await act(() => render(h(Hook, { lab }), root));
    expect(lab.params.value).toEqual({ ...DEFAULT_PARAMS, thresholdDb: -30, ratio: Infinity });
    await vi.waitFor(() => expect(lab.clipId.value).toBe('vocal'));
    expect(lab.linkNotes.value).toEqual([]);
  });

  it('keeps the page’s clip for an unknown one and says so', async () => {
    history.replaceState(null, '', '/embed/player/?clip=tuba');
    const { lab, Hook } = await freshDefaultLab();
    const before = lab.clipId.value;
    await act(() => render(h(Hook, { lab }), root));
    await vi.waitFor(() => expect(lab.linkNotes.value).toEqual([unknownClipNote('tuba')]));
    expect(lab.clipId.value).toBe(before);
  });

  it('writes later changes to the address once per 200 ms, and stops after the last unmount', async () => {
    history.replaceState(null, '', '/threshold/?controls=threshold#try-it');
    const { lab, Hook } = await freshDefaultLab();
    vi.useFakeTimers();
    await act(() => render(h('div', null, h(Hook, { lab }), h(Hook, { lab })), root));
    expect(location.search).toBe('?controls=threshold'); // mounting alone writes nothing
    const replace = vi.spyOn(history, 'replaceState');
    lab.params.value = { ...lab.params.value, thresholdDb: -35 };
    lab.params.value = { ...lab.params.value, ratio: 6 };
    lab.clipId.value = 'vocal';
    expect(replace).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(replace).toHaveBeenCalledTimes(1);
    const url = new URL(location.href);
    expect(url.searchParams.get('threshold')).toBe('-35');
    expect(url.searchParams.get('ratio')).toBe('6');
    expect(url.searchParams.get('clip')).toBe('vocal');
    expect(url.searchParams.get('controls')).toBe('threshold');
    expect(url.hash).toBe('#try-it');
    // One of the two widgets goes: still bound.
    await act(() => render(h('div', null, h(Hook, { lab })), root));
    lab.params.value = { ...lab.params.value, ratio: 3 };
    await vi.advanceTimersByTimeAsync(200);
    expect(new URL(location.href).searchParams.get('ratio')).toBe('3');
    // The last one goes: the address is left alone.
    await act(() => render(null, root));
    lab.params.value = { ...lab.params.value, ratio: 2 };
    await vi.advanceTimersByTimeAsync(200);
    expect(new URL(location.href).searchParams.get('ratio')).toBe('3');
    replace.mockRestore();
  });

  it('binds only the default group', async () => {
    history.replaceState(null, '', '/ratio/?threshold=-12');
    const other = getLab(`url-test-${group++}`);
    await act(() => render(h(Bound, { lab: other }), root));
    expect(other.params.value).toEqual(DEFAULT_PARAMS);
  });
});
