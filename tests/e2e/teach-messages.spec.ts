/**
 * Every embed speaks the one host protocol (src/lib/embed-protocol.ts), seen from a page on a second local origin:
 * the player alone (ready naming the address's clip once it is loaded, resize, play and pause), the practice
 * embeds (ready, settingchange on another clip, play and pause, results with a score for a question, a match and
 * a finished drill), and the demo host page (tests/e2e/fixtures/host-demo.html) listing them.
 */
import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './support/site';
import { events, fit, frameOf, useHost } from './support/host';
import { runDrill, SEED } from './support/drill';

const host = useHost();

type Message = Record<string, unknown>;
const ofType = async (page: Page, type: string, widget?: string): Promise<Message[]> =>
  (await events(page)).filter((m) => m['type'] === type && (widget === undefined || m['widget'] === widget));

test('the player alone: ready names the clip the address asked for, and it sizes itself and reports play and pause', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, host.origin);
  await page.goto(
    host.page('player', [{ widget: 'player', src: `${baseURL ?? ''}embed/player/?clip=vocal&threshold=-30` }]),
  );
  const frame = page.frameLocator('iframe');
  await expect.poll(async () => (await ofType(page, 'ready')).length, { timeout: 30_000 }).toBe(1);
  const [ready] = await ofType(page, 'ready');
  expect(ready).toMatchObject({ widget: 'player', clip: 'vocal', params: { threshold: -30 } });
  await expect(frame.getByRole('slider', { name: 'Position' })).toBeEnabled();
  await expect(frame.getByRole('slider', { name: 'Threshold' })).toHaveCount(0);
  await expect
    .poll(async () => {
      const f = await fit(page, 0);
      return Math.abs(f.iframe - f.content) <= 4 && Math.abs(f.reported - f.content) <= 4 && !f.scrolls;
    })
    .toBe(true);
  await frame.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await ofType(page, 'play'))[0]).toMatchObject({ widget: 'player', clip: 'vocal' });
  await frame.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => (await ofType(page, 'pause')).length).toBe(1);
  expect(await ofType(page, 'ready')).toHaveLength(1);
  expect(problems.consoleErrors).toEqual([]);
});

test('practice embeds: ready, a settingchange for another clip, and results with a score for a question and a match', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const problems = watchPage(page, host.origin);
  const site = baseURL ?? '';
  await page.goto(
    host.page('practice', [
      { widget: 'practice-questions', src: `${site}embed/practice-questions/` },
      { widget: 'practice-match', src: `${site}embed/practice-match/?seed=${SEED}` },
    ]),
  );
  await expect.poll(async () => (await ofType(page, 'ready')).length, { timeout: 30_000 }).toBe(2);
  expect(await ofType(page, 'ready', 'practice-questions')).toMatchObject([{ clip: null, params: {} }]);
  expect(await ofType(page, 'ready', 'practice-match')).toMatchObject([{ clip: 'drums' }]);

  const quiz = page.frameLocator('iframe').nth(0);
  const first = quiz.getByRole('group', { name: 'Question 1 of 3' });
  await first.getByRole('radio').first().check();
  await first.getByRole('button', { name: 'Check my answer' }).click();
  const verdict = (await first.getByRole('status').textContent()) ?? '';
  const right = verdict.startsWith('✓');
  await expect
    .poll(async () => (await ofType(page, 'result', 'practice-questions'))[0])
    .toMatchObject({ clip: null, passed: right, score: right ? 1 : 0, verdict: right ? 'right' : 'wrong' });

  const match = page.frameLocator('iframe').nth(1);
  await match.getByRole('combobox', { name: 'Clip' }).selectOption('piano');
  await expect
    .poll(async () => (await ofType(page, 'settingchange', 'practice-match')).at(-1))
    .toMatchObject({ clip: 'piano' });
  await match.getByRole('button', { name: 'Start matching' }).click();
  await match.getByRole('button', { name: 'Check my match' }).click();
  await expect
    .poll(async () => (await ofType(page, 'result', 'practice-match'))[0], { timeout: 30_000 })
    .toMatchObject({ clip: 'piano', task: 'practice-match', verdict: 'scored', measured: { unit: 'dB' } });
  const [scored] = await ofType(page, 'result', 'practice-match');
  const score = Number(scored?.['score']);
  expect(score).toBeGreaterThanOrEqual(0);
  expect(score).toBeLessThanOrEqual(1);
  await expect(match.getByText(`Score ${Math.round(score * 100)} %`)).toBeVisible();
  expect(problems.consoleErrors).toEqual([]);
});

test('a drill embed reports play and pause, and its finished run as a result with the threshold it measured', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.goto(
    host.page('drill', [
      { widget: 'practice-reduction', src: `${baseURL ?? ''}embed/practice-reduction/?seed=${SEED}` },
    ]),
  );
  const drill = page.frameLocator('iframe');
  await drill.getByRole('button', { name: 'Start the drill' }).click();
  await drill.getByRole('button', { name: 'Play A' }).click();
  await expect.poll(async () => (await ofType(page, 'play'))[0]).toMatchObject({ clip: 'drums', positionS: null });
  await drill.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(async () => (await ofType(page, 'pause')).length).toBeGreaterThan(0);
  // runDrill presses "Start the drill" itself: the run begins again from its first trial.
  await page.reload();
  const trials = await runDrill(page.frameLocator('iframe'), 'reduction', 3);
  await expect
    .poll(async () => (await ofType(page, 'result'))[0])
    .toMatchObject({
      widget: 'practice-reduction',
      clip: 'drums',
      verdict: 'finished',
      passed: true,
      measured: { name: 'gain reduction heard', unit: 'dB', value: 2.75 },
    });
  const [result] = await ofType(page, 'result');
  expect(Number(result?.['score'])).toBeGreaterThan(0);
  expect(trials).toBeGreaterThan(10);
});

test('the demo host page shows the embeds at their reported heights and lists their messages', async ({
  page,
  baseURL,
}) => {
  const site = baseURL ?? '';
  const embeds = [
    `${site}embed/workbench/?clip=vocal&threshold=-30&panels=controls,transfer`,
    `${site}embed/practice-questions/`,
  ];
  await page.goto(`${host.origin}/demo?${embeds.map((e) => `embed=${encodeURIComponent(e)}`).join('&')}`);
  const log = page.getByRole('list').last();
  await expect(log.getByText(/^Embedded figure 1: .*"type":"ready".*"clip":"vocal"/)).toBeVisible({ timeout: 30_000 });
  await expect(log.getByText(/^Embedded figure 2: .*"type":"ready"/)).toBeVisible();
  for (const i of [0, 1]) {
    await expect
      .poll(async () => {
        const frame = await frameOf(page, i);
        const content = await frame.evaluate(() => document.body?.getBoundingClientRect().height ?? 0);
        const height = await page
          .locator('iframe')
          .nth(i)
          .evaluate((el) => el.getBoundingClientRect().height);
        return content > 200 && Math.abs(height - content) <= 4;
      })
      .toBe(true);
  }
  const threshold = page.frameLocator('iframe').first().getByRole('slider', { name: 'Threshold' });
  await threshold.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(log.getByText(/^Embedded figure 1: .*"type":"settingchange".*"threshold":-30.5/)).toBeVisible();
});
