/**
 * Every file of every example clip, fetched from the built site and decoded by the browser itself
 * (OfflineAudioContext.decodeAudioData), has the duration and channel count the manifest states; and the
 * embed workbench offers the clips a learner can pick without a lesson naming them.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { parseManifest } from '../../src/clips/manifest-schema';
import { formatTime } from '../../src/widgets/Player/model';
import { watchPage } from './support/site';

const manifest = parseManifest(
  JSON.parse(readFileSync(new URL('../../public/audio/manifest.json', import.meta.url), 'utf8')),
);

test('the built site serves the same clip manifest as the repository', async ({ page }) => {
  await page.goto('');
  const served = await page.evaluate(async () => (await fetch('audio/manifest.json')).json() as Promise<unknown>);
  expect(parseManifest(served)).toEqual(manifest);
});

test('Chromium says it can play both formats, Opus first', async ({ page }) => {
  await page.goto('');
  const answers = await page.evaluate(
    (types) => types.map((type) => document.createElement('audio').canPlayType(type)),
    manifest.clips[0]?.files.map((f) => f.type) ?? [],
  );
  expect(answers).toEqual(['probably', 'probably']);
});

for (const clip of manifest.clips) {
  for (const file of clip.files) {
    test(`${file.src} decodes to ${clip.durationS} s, ${clip.channels} channel(s)`, async ({ page }) => {
      await page.goto('');
      const decoded = await page.evaluate(
        async ({ src, sampleRate }) => {
          const response = await fetch(`audio/${src}`);
          if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
          const context = new OfflineAudioContext(1, 1, sampleRate);
          const buffer = await context.decodeAudioData(await response.arrayBuffer());
          return { durationS: buffer.duration, channels: buffer.numberOfChannels, sampleRate: buffer.sampleRate };
        },
        { src: file.src, sampleRate: clip.sampleRate },
      );
      expect(decoded.sampleRate).toBe(clip.sampleRate);
      expect(decoded.channels).toBe(clip.channels);
      expect(Math.abs(decoded.durationS - clip.durationS)).toBeLessThanOrEqual(0.05);
    });
  }
}

// The embed workbench's clip menu lists every clip of the manifest; a link can pick each new clip by its id.
for (const id of ['guitar', 'narrator']) {
  test(`the embed workbench offers the ${id} clip and loads it from ?clip=${id}`, async ({ page, baseURL }) => {
    const clip = manifest.clips.find((c) => c.id === id);
    if (!clip) throw new Error(`no clip ${id} in the manifest`);
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto(`embed/workbench/?clip=${id}`);
    const menu = page.getByRole('combobox', { name: 'Clip' });
    await expect(menu).toHaveValue(id);
    await expect(menu.getByRole('option')).toHaveText([...manifest.clips.map((c) => c.title), 'Your own file…']);
    // The timeline states the loaded clip's own duration once it has been fetched and decoded.
    await expect(page.getByRole('slider', { name: 'Position' })).toHaveAttribute(
      'aria-valuetext',
      `${formatTime(0)} of ${formatTime(clip.durationS)}`,
      { timeout: 30_000 },
    );
    await expect(page.getByText('There is no example clip')).toHaveCount(0);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });
}
