/**
 * Issue 15's "Your own file in every clip chooser", for the practice drills: a WAV made here is opened with the
 * drill's file picker (and dropped on a drill), becomes the drill's clip, plays, and a drill runs on it to its end;
 * the result names the file and is not mixed into the practice record. A bad file gets the lab's own message and
 * the drill keeps its clip; an excerpt with nothing to compare is refused with its reason. In an embed the file
 * plays (the host hears `play` on "own-file") and hide=file leaves the offer out. No console error, axe clean.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { encodeWavFloat32 } from '../../src/io/wav';
import { toneBursts } from '../../src/dsp/signals';
import { watchPage } from './support/site';
import { a11yProblems, islandsMounted } from './support/a11y';
import { runDrill, SEED } from './support/drill';
import { events, useHost } from './support/host';
import { badFiles, pcmWav } from './support/own-audio-files';
import { dropFile } from './support/drop-file';

const host = useHost();

/** Eight seconds of stereo tone bursts at 44.1 kHz (not the clips' 48 kHz). */
function bursts(): Buffer {
  const sampleRate = 44100;
  const side = (frequencyHz: number, lowS: number) =>
    toneBursts({ sampleRate, frequencyHz, lowDb: -30, highDb: -6, lowS, highS: 1 - lowS, cycles: 8 });
  return Buffer.from(encodeWavFloat32([side(220, 0.7), side(330, 0.5)], sampleRate));
}
const FILE = { name: 'my bursts.wav', mimeType: 'audio/wav', buffer: bursts() };

const clipMenu = (drill: Locator) => drill.getByRole('combobox', { name: 'Clip' });

async function openPractice(page: Page): Promise<Locator> {
  await page.goto(`practice/?seed=${SEED}`, { waitUntil: 'networkidle' });
  await islandsMounted(page);
  return page.getByRole('region', { name: 'Which one is compressed?' });
}

test('a WAV opened in a drill becomes its clip, and a drill runs on it to its end without touching the record', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const problems = watchPage(page, new URL(baseURL ?? '').origin);
  const drill = await openPractice(page);
  await expect(drill.getByText('Your file never leaves this browser')).toBeVisible();
  await expect(drill.getByRole('button', { name: 'Your own file…' })).toBeVisible();
  await drill.getByLabel('Your own audio file').setInputFiles(FILE);
  await expect(clipMenu(drill)).toHaveValue('own-file');
  await expect(drill.getByRole('option', { name: 'Your file “my bursts.wav”' })).toBeAttached();
  expect(await a11yProblems(page)).toEqual([]);

  const trials = await runDrill(drill, 'reduction', 3);
  const status = drill.getByRole('status').filter({ hasText: 'Drill finished' });
  await expect(status).toContainText(
    /You reliably hear about \d+\.\d dB of gain reduction on your file “my bursts\.wav”/,
  );
  await expect(status).toContainText('not added to your practice record');
  expect(trials).toBeGreaterThan(10);
  // The picture after the answer measures the file's render, as for a shipped clip.
  await expect(drill.getByRole('img', { name: /Gain reduction over time of [ABC]/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your practice' }).getByTestId('practice-summary')).toHaveText(
    'No practice yet.',
  );
  expect(await a11yProblems(page)).toEqual([]);
  // A bad file now: the drill keeps the learner's file (named as it is).
  await drill.getByLabel('Your own audio file').setInputFiles({
    name: 'notes.wav',
    mimeType: 'audio/wav',
    buffer: Buffer.from('These are my mixing notes, not audio.\n'),
  });
  await expect(drill.getByRole('alert')).toContainText('The drill keeps “my bursts.wav”.');
  await expect(clipMenu(drill)).toHaveValue('own-file');
  expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});

test('the same file dropped on the match drill becomes its clip and a round runs on it', async ({ page }) => {
  await page.goto(`practice/?seed=${SEED}`, { waitUntil: 'networkidle' });
  await islandsMounted(page);
  const match = page.getByRole('region', { name: 'Match the compressor' });
  await dropFile(page, match, FILE);
  await expect(clipMenu(match)).toHaveValue('own-file');
  await match.getByRole('button', { name: 'Start matching' }).click();
  await expect(match.getByText(/^Round 1 on your file “my bursts\.wav”: threshold and ratio/)).toBeVisible();
  await match.getByRole('button', { name: 'Check my match' }).click();
  await expect(match.getByText(/not added to your practice record/)).toBeVisible();
});

const textFile = badFiles().find((b) => b.name === 'notes.wav');

test('a bad file gets the lab’s message and the drill keeps its clip and still runs', async ({ page }) => {
  const drill = await openPractice(page);
  await clipMenu(drill).selectOption('drums');
  if (!textFile) throw new Error('no text-file case');
  await drill.getByLabel('Your own audio file').setInputFiles({
    name: textFile.name,
    mimeType: 'audio/wav',
    buffer: Buffer.from(textFile.bytes),
  });
  const alert = drill.getByRole('alert');
  await expect(alert).toContainText(textFile.says);
  await expect(alert).toContainText('The drill keeps “Drum groove”.');
  await expect(clipMenu(drill)).toHaveValue('drums');
  await expect(drill.getByRole('option', { name: /Your file/ })).toHaveCount(0);
  expect(await a11yProblems(page)).toEqual([]);
  await drill.getByRole('button', { name: 'Start the drill' }).click();
  await expect(drill.getByRole('button', { name: 'A is compressed' })).toBeEnabled({ timeout: 20_000 });
});

test('a file whose first seconds are silent is refused with the reason, and the drill keeps its clip', async ({
  page,
}) => {
  const drill = await openPractice(page);
  const lateStart = pcmWav({
    sampleRate: 44100,
    channels: 1,
    bits: 16,
    frames: 44100 * 6,
    sample: (i) => (i < 44100 * 5 ? 0 : 0.5 * Math.sin((2 * Math.PI * 440 * i) / 44100)),
  });
  await drill
    .getByLabel('Your own audio file')
    .setInputFiles({ name: 'late.wav', mimeType: 'audio/wav', buffer: Buffer.from(lateStart) });
  await expect(drill.getByRole('alert')).toContainText(
    'The drills play the first 4 seconds of a file, and in “late.wav” they are silent',
  );
  await expect(clipMenu(drill)).not.toHaveValue('own-file');
});

test('in a drill embed the file plays (the host hears it), and hide=file leaves the offer out', async ({
  page,
  baseURL,
}) => {
  await page.goto(
    host.page('own', [{ widget: 'practice-attack', src: `${baseURL ?? ''}embed/practice-attack/?seed=${SEED}` }]),
  );
  const frame = page.frameLocator('iframe');
  await expect(frame.getByText('Your file never leaves this browser')).toBeVisible();
  await frame.getByLabel('Your own audio file').setInputFiles(FILE);
  await expect(frame.getByRole('combobox', { name: 'Clip' })).toHaveValue('own-file');
  await frame.getByRole('button', { name: 'Start the drill' }).click();
  await frame.getByRole('button', { name: 'Play A' }).click();
  await expect
    .poll(async () => (await events(page)).find((m) => m['type'] === 'play'))
    .toMatchObject({ clip: 'own-file', positionS: null });
  await frame.getByRole('button', { name: 'Stop' }).click();

  await page.goto(`${baseURL ?? ''}embed/practice-attack/?hide=file`);
  await expect(page.getByRole('button', { name: 'Start the drill' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Your own file…' })).toHaveCount(0);
  await expect(page.getByText('Your file never leaves this browser')).toHaveCount(0);
});
