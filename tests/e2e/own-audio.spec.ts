/**
 * Issue 15, "your own audio in, compressed audio out", in the built site's workbench embed:
 * - a two-minute stereo WAV made here (44.1 kHz, not the clips' 48 kHz), opened with the file picker and dropped on
 *   the player, becomes the clip: the player plays it and the plots describe it; no request carries it;
 * - the exported WAV equals the command line's output for the same file and the recipe the page shows (1e-4);
 * - each bad file gets its own message, and the clip the lab had keeps playing (or, for a file taken anyway, a
 *   note says what was done).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { decodeWav } from '../../src/io/wav';
import { badFiles, twoMinuteStereo } from './support/own-audio-files';
import { dropFile } from './support/drop-file';
import { watchPage } from './support/site';
import { a11yProblems } from './support/a11y';

// One copy of the generated file for every worker (written to a temporary name, then renamed into place).
const shared = join(tmpdir(), 'compressor-lab-own-audio');
mkdirSync(shared, { recursive: true });
const twoMinutes = join(shared, 'two minutes.wav');
if (!existsSync(twoMinutes)) {
  const tmp = `${twoMinutes}.${process.pid}.tmp`;
  writeFileSync(tmp, twoMinuteStereo());
  renameSync(tmp, twoMinutes);
}
const SETTINGS = 'threshold=-24&ratio=6&attack=3&release=80&lookahead=5&makeup=auto&knee=6';

const menu = (page: Page) => page.getByRole('combobox', { name: 'Clip' });
const position = (page: Page) => page.getByRole('slider', { name: 'Position' });

/** Playing: the button says Pause and the position moves on. */
async function expectPlaying(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  const at = Number(await position(page).inputValue());
  await expect.poll(async () => Number(await position(page).inputValue())).not.toBe(at);
}

async function openDrums(page: Page): Promise<void> {
  await page.goto(`embed/workbench/?clip=drums&${SETTINGS}`);
  await expect(menu(page)).toHaveValue('drums');
  await expect(page.getByText(/^0:00 \/ 0:1\d$/)).toBeVisible();
}

/** The lab took the two-minute file: menu, duration, plots describing 2 minutes, and playback. */
async function expectTwoMinuteClip(page: Page): Promise<void> {
  await expect(menu(page)).toHaveValue('own-file');
  await expect(page.getByRole('option', { name: 'Your own file: two minutes.wav' })).toBeAttached();
  await expect(page.getByText('0:00 / 2:00')).toBeVisible();
  // The time views now span the file (their toolbars name the range shown) and describe its render.
  await expect(page.getByRole('toolbar', { name: /^Level and gain reduction over time/ })).toContainText(
    '0 ms – 120 s',
  );
  await expect(page.getByRole('toolbar', { name: /^Waveform before and after/ })).toContainText('0 ms – 120 s');
  await expect(page.getByText(/^From 0 ms to 120 s the level goes above the threshold of −24 dB/)).toBeVisible();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expectPlaying(page);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}

test('a two-minute stereo WAV opened with the file picker drives the player and the plots', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, new URL(baseURL ?? '').origin);
  await openDrums(page);
  await expect(page.getByText('Your file never leaves this browser')).toBeVisible();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.getByLabel('Your own audio file').setInputFiles(twoMinutes);
  await expectTwoMinuteClip(page);
  // The file never leaves the browser: nothing but the site's own GETs (e.g. a worker script) after it was chosen.
  expect(requests.filter((r) => !r.startsWith('GET ') || !r.includes(new URL(baseURL ?? '').host))).toEqual([]);
  expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
  expect(await a11yProblems(page)).toEqual([]);
});

test('the same file dropped on the player drives the player and the plots', async ({ page }) => {
  await openDrums(page);
  await dropFile(page, page.locator('.cl-player'), twoMinutes);
  await expectTwoMinuteClip(page);
});

test('the exported WAV equals the command line’s output for the same file and recipe (within 1e-4)', async ({
  page,
}, testInfo) => {
  await openDrums(page);
  await page.getByLabel('Your own audio file').setInputFiles(twoMinutes);
  await expect(page.getByText('0:00 / 2:00')).toBeVisible();
  const recipe = await page.getByRole('textbox', { name: /Recipe/ }).inputValue();
  expect(recipe).toContain('threshold=-24&ratio=6&knee=6&attack=3&release=80&makeup=auto');
  expect(recipe).toContain('lookahead=5');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download compressed WAV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('two minutes (compressed).wav');
  const exported = testInfo.outputPath('exported.wav');
  await file.saveAs(exported);
  const fromCli = testInfo.outputPath('cli.wav');
  execFileSync(process.execPath, ['scripts/run-compress.mjs', twoMinutes, fromCli, '--recipe', recipe]);
  const a = decodeWav(new Uint8Array(readFileSync(exported)));
  const b = decodeWav(new Uint8Array(readFileSync(fromCli)));
  expect(a.sampleRate).toBe(44100);
  expect(b.sampleRate).toBe(44100);
  expect(a.channels.map((c) => c.length)).toEqual(b.channels.map((c) => c.length));
  expect(a.channels[0]?.length).toBe(120 * 44100);
  let worst = 0;
  a.channels.forEach((ch, c) => {
    const other = b.channels[c] as Float32Array;
    for (let i = 0; i < ch.length; i++) worst = Math.max(worst, Math.abs((ch[i] as number) - (other[i] as number)));
  });
  expect(worst).toBeLessThanOrEqual(1e-4);
  // The compressor did something on this file (the comparison is not between two untouched copies).
  const input = decodeWav(new Uint8Array(readFileSync(twoMinutes)));
  const peak = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  expect(peak(a.channels[0] as Float32Array)).not.toBeCloseTo(peak(input.channels[0] as Float32Array), 2);
});

test('an exercise checks the learner’s own file as it checks its example clip', async ({ page }) => {
  await page.goto(`embed/exercise/?task=loudest-hits-only&clip=drums&${SETTINGS}`);
  await expect(page.getByText(/^0:00 \/ 0:1\d$/)).toBeVisible();
  await expect(page.getByText('Checks the Drum groove, or your own file.')).toBeVisible();
  await page.getByLabel('Your own audio file').setInputFiles(twoMinutes);
  await expect(page.getByText('0:00 / 2:00')).toBeVisible();
  await page.getByRole('button', { name: 'Check my setting' }).click();
  // A verdict on the file's own render, not a request to switch clips.
  await expect(page.locator('.cl-exercise [role=status]')).toHaveText(/^(✓ |Not yet\. )/);
  await expect(page.getByRole('button', { name: /^Switch to/ })).toHaveCount(0);
});

for (const bad of badFiles()) {
  test(`${bad.what}: a specific message, and ${bad.taken ? 'the part the lab can use plays' : 'the previous clip still plays'}`, async ({
    page,
  }) => {
    await openDrums(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expectPlaying(page);
    await page.getByLabel('Your own audio file').setInputFiles({
      name: bad.name,
      mimeType: bad.name.endsWith('.m4a') ? 'audio/mp4' : 'audio/wav',
      buffer: Buffer.from(bad.bytes),
    });
    if (bad.taken) {
      await expect(page.getByRole('status').filter({ hasText: bad.says })).toBeVisible();
      await expect(menu(page)).toHaveValue('own-file');
      // The playhead keeps running (it wraps within the new, shorter clip).
      await expect(page.getByText(new RegExp(`^0:0\\d / ${bad.taken.durationText}$`))).toBeVisible();
    } else {
      await expect(page.getByRole('alert')).toContainText(bad.says);
      await expect(page.getByRole('alert')).toContainText('The lab keeps “Drum groove”.');
      await expect(menu(page)).toHaveValue('drums');
    }
    await expectPlaying(page);
  });
}
