/**
 * The Practice page: a drill run to its end by a simulated listener shows a threshold, the result is kept across a
 * reload and cleared by the reset, a damaged stored record is replaced with a message; no console error and no axe
 * violation on the way.
 */
import { test, expect } from '@playwright/test';
import { watchPage } from './support/site';
import { a11yProblems, islandsMounted } from './support/a11y';
import { runDrill, SEED } from './support/drill';
import { PROGRESS_KEY } from '../../src/lib/practice/progress';
import { MATCH_RATIO_RANGE, hiddenSetting } from '../../src/lib/practice/match-targets';
import { formatParamValue } from '../../src/dsp/params';

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
  // Wait for the first load's islands, or one of them could read (and clear) the value written next.
  await page.goto('practice/', { waitUntil: 'networkidle' });
  await islandsMounted(page);
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

test('match the compressor from the keyboard: a do-nothing setting scores low, the hidden one 100 %', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, new URL(baseURL ?? '').origin);
  await page.goto(`practice/?seed=${SEED}`, { waitUntil: 'networkidle' });
  await islandsMounted(page);
  const match = page.getByRole('region', { name: 'Match the compressor' });
  await match.getByRole('button', { name: 'Start matching' }).click();
  const readout = match.getByText(
    /^Round 1 on the drum groove: threshold and ratio\. The excerpt’s highest peak is at/,
  );
  await expect(readout).toBeVisible();
  const peak = Number(/at (\S+) dBFS/.exec((await readout.textContent()) ?? '')?.[1]?.replace('\u2212', '-'));
  await match.getByRole('button', { name: 'Check my match' }).click();
  const status = match.getByRole('status');
  await expect(status).toContainText(/Score (\d|[1-4]\d) %/);
  await expect(status).toContainText(
    `yours is threshold ${formatParamValue('thresholdDb', 0)}, ratio ${formatParamValue('ratio', 1)}.`,
  );

  const hidden = hiddenSetting(SEED, 0, false, peak);
  const threshold = match.getByRole('slider', { name: 'Your threshold' });
  await threshold.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < -hidden.thresholdDb; i++) await page.keyboard.press('ArrowLeft');
  const ratio = match.getByRole('slider', { name: 'Your ratio' });
  await ratio.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < (hidden.ratio - 1) / MATCH_RATIO_RANGE.step; i++) await page.keyboard.press('ArrowRight');
  // The verdict belonged to the old setting: it is gone.
  await expect(status).toHaveText('');
  await match.getByRole('button', { name: 'Check my match' }).click();
  await expect(status).toContainText('differs from the hidden one by 0.0 dB');
  await expect(status).toContainText('a match. Score 100 %.');
  await expect(status).toContainText(
    `The hidden setting was threshold ${formatParamValue('thresholdDb', hidden.thresholdDb)}, ratio ${formatParamValue('ratio', hidden.ratio)};`,
  );
  await expect(page.getByTestId('practice-summary')).toContainText('1 compressor matched');
  expect(await a11yProblems(page)).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('the quick questions give feedback from the keyboard and link the lesson', async ({ page, baseURL }) => {
  const problems = watchPage(page, new URL(baseURL ?? '').origin);
  await page.goto('practice/', { waitUntil: 'networkidle' });
  await islandsMounted(page);
  const quiz = page.getByRole('region', { name: 'Quick questions' });
  const first = quiz.getByRole('group', { name: 'Question 1 of 3' });
  await first.getByRole('radio', { name: /Nothing for 10 ms/ }).focus();
  await page.keyboard.press('Space');
  await first.getByRole('button', { name: 'Check my answer' }).click();
  await expect(first.getByRole('status')).toContainText('Not quite. Attack is not a delay.');
  await expect(first.getByRole('link', { name: 'Read the Attack lesson' })).toHaveAttribute('href', /\/attack\/$/);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowDown');
  await expect(first.getByRole('radio', { name: /63 % of the way there/ })).toBeChecked();
  await expect(first.getByRole('status')).toHaveText('');
  await first.getByRole('button', { name: 'Check my answer' }).click();
  await expect(first.getByRole('status')).toContainText('✓ Right: attack is a time constant.');
  // Only the first answer counts.
  await expect(page.getByTestId('practice-summary')).toHaveText(
    '0 listening drills finished, 0 compressors matched, 0 of 1 question right first time.',
  );
  expect(await a11yProblems(page)).toEqual([]);
  // The end of every lesson says the same, from the same record.
  await page.goto('attack/', { waitUntil: 'networkidle' });
  await islandsMounted(page);
  await expect(page.getByText('Your practice:').locator('..')).toHaveText(
    'Your practice: 0 listening drills finished, 0 compressors matched, 0 of 1 question right first time. Practise by ear',
  );
  await expect(page.getByRole('link', { name: 'Practise by ear' })).toHaveAttribute('href', /\/practice\/$/);
  expect(problems.consoleErrors).toEqual([]);
});

for (const [name, heading] of [
  ['reduction', 'Which one is compressed?'],
  ['attack', 'Which one has the faster attack?'],
  ['match', 'Match the compressor'],
  ['questions', 'Quick questions'],
] as const) {
  test(`/embed/practice-${name}/ shows the drill alone, without site chrome or axe violations`, async ({
    page,
    baseURL,
  }) => {
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto(`embed/practice-${name}/`, { waitUntil: 'networkidle' });
    await islandsMounted(page);
    await expect(page.getByRole('region', { name: heading })).toBeVisible();
    await expect(page.locator('.sidebar-pane, header.header, nav[aria-label="Main"]')).toHaveCount(0);
    expect(await a11yProblems(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
}
