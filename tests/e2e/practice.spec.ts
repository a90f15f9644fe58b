/**
 * The Practice page: a drill run to its end by a simulated listener shows a threshold, the result is kept across a
 * reload and cleared by the reset, a damaged stored record is replaced with a message; no console error and no axe
 * violation on the way.
 */
import { test, expect, type Locator } from '@playwright/test';
import { watchPage } from './support/site';
import { a11yProblems, islandsMounted } from './support/a11y';
import { DRILLS, oddPosition, type DrillId } from '../../src/lib/practice/drills';
import { PROGRESS_KEY } from '../../src/lib/practice/progress';

const SEED = 42;

/**
 * Answers every trial of a drill as a listener who hears the difference exactly when the stimulus is at least
 * `hearsFrom` (and otherwise picks the wrong one): the odd position is replayed from the seed in the URL.
 */
async function runDrill(drill: Locator, id: DrillId, hearsFrom: number): Promise<number> {
  const n = DRILLS[id].alternatives;
  const answerName = (i: number) =>
    `${String.fromCharCode(65 + i)} ${id === 'reduction' ? 'is compressed' : 'has the faster attack'}`;
  await drill.getByRole('button', { name: 'Start the drill' }).click();
  const status = drill.getByRole('status');
  for (let guard = 0; guard < 200; guard++) {
    await expect(drill.getByRole('button', { name: answerName(0) })).toBeEnabled({ timeout: 20_000 });
    const readout = (await drill.locator('.cl-readout').textContent()) ?? '';
    const trial = Number(/Trial (\d+)/.exec(readout)?.[1]);
    const stimulus =
      id === 'reduction'
        ? Number(/([\d.]+) dB of gain reduction/.exec(readout)?.[1])
        : Math.log2(60 / Number(/against ([\d.]+) ms/.exec(readout)?.[1]));
    const odd = oddPosition(SEED, trial - 1, n);
    const pick = stimulus >= hearsFrom - 1e-6 ? odd : (odd + 1) % n;
    await drill.getByRole('button', { name: answerName(pick) }).click();
    await expect(status).toContainText(pick === odd ? 'Right:' : 'Not this time:');
    if ((await status.textContent())?.includes('Drill finished')) return trial;
    await drill.getByRole('button', { name: 'Next trial' }).click();
  }
  throw new Error('the drill did not finish');
}

test('a gain-reduction drill run to its end reports the threshold in words and keeps it', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const problems = watchPage(page, new URL(baseURL ?? '').origin);
  await page.goto(`practice/?seed=${SEED}`, { waitUntil: 'networkidle' });
  await islandsMounted(page);
  const drill = page.getByRole('region', { name: 'Which one is compressed?' });
  const progress = page.getByRole('region', { name: 'Your practice' });
  await expect(progress.getByTestId('practice-summary')).toHaveText('No practice yet.');
  await drill.getByRole('combobox', { name: 'Clip' }).selectOption('drums');

  // Right from 3 dB up, wrong below: the staircase (steps 2, 1, 0.5 dB) settles between 2.5 and 3 dB, and the
  // threshold is the mean of its last six turning points: (3 + 2.5) / 2 = 2.75 → "about 2.8 dB".
  const trials = await runDrill(drill, 'reduction', 3);
  const verdict = 'You reliably hear about 2.8 dB of gain reduction on the drum groove';
  await expect(drill.getByRole('status')).toContainText(verdict);
  // After the answer: what the compressor did, drawn and described.
  await expect(drill.getByRole('img', { name: /Gain reduction over time of [ABC]/ })).toBeVisible();
  // The last trial (the tenth turning point) was answered at 3.0 dB, and the picture measures exactly that.
  await expect(drill.getByRole('status')).toContainText('(3.0 dB of gain reduction at most)');
  await expect(drill.getByText(/slowed by attack and release, the most gain reduction is 3 dB\./)).toBeVisible();
  await expect(drill.getByRole('button', { name: 'Practise again' })).toBeVisible();
  await expect(progress.getByTestId('practice-summary')).toHaveText(
    '1 listening drill finished, 0 compressors matched, 0 of 0 questions right first time.',
  );
  await expect(progress).toContainText(`${verdict}`);
  await expect(progress).toContainText(`${trials} trials`);
  expect(await a11yProblems(page)).toEqual([]);

  await page.reload({ waitUntil: 'networkidle' });
  await islandsMounted(page);
  await expect(progress).toContainText(verdict);
  await progress.getByRole('button', { name: 'Reset my practice' }).click();
  await expect(progress.getByRole('status')).toHaveText('Your practice record was cleared.');
  await expect(progress.getByTestId('practice-summary')).toHaveText('No practice yet.');
  await page.reload({ waitUntil: 'networkidle' });
  await islandsMounted(page);
  await expect(progress.getByTestId('practice-summary')).toHaveText('No practice yet.');
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBeNull();

  expect(problems.consoleErrors).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
});

test('an attack drill run to its end reports the attack times it can tell apart', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const problems = watchPage(page, new URL(baseURL ?? '').origin);
  await page.goto(`practice/?seed=${SEED}`, { waitUntil: 'networkidle' });
  await islandsMounted(page);
  const drill = page.getByRole('region', { name: 'Which one has the faster attack?' });
  // Right from 2 octaves (15 ms against 60 ms) up: 1-up-2-down with steps 1, 0.5, 0.25 octaves settles between
  // 1.75 and 2 octaves; mean 1.875 octaves → 60 / 2^1.875 = 16.4 ms, 3.7 times faster.
  await runDrill(drill, 'attack', 2);
  await expect(drill.getByRole('status')).toContainText(
    'You reliably tell a 60 ms attack from a 16 ms one (3.7 times faster) on the drum groove',
  );
  expect(await a11yProblems(page)).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('a damaged stored record is replaced by an empty one, with a message', async ({ page }) => {
  await page.goto('practice/');
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"drills":'), PROGRESS_KEY);
  await page.reload({ waitUntil: 'networkidle' });
  await islandsMounted(page);
  const progress = page.getByRole('region', { name: 'Your practice' });
  await expect(progress).toContainText(
    'Your saved practice could not be used (it could not be read), so it starts afresh.',
  );
  await expect(progress.getByTestId('practice-summary')).toHaveText('No practice yet.');
  expect(await a11yProblems(page)).toEqual([]);
});
