/**
 * The Attack and Release lessons in real Chromium: each lesson's time slider moves from the keyboard and changes
 * the close-up plots and their descriptions (test signal and clip); the exercise answers "not yet" and "yes" from
 * the compressor's render, and clears when the setting changes; no console error; no axe violations.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchPage } from './support/site';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const LESSONS = [
  {
    path: 'attack/',
    label: 'Attack',
    field: /^Attack in ms/,
    step: { from: '10 ms', to: '11 ms', words: 'attack 11 ms' },
    clip: { from: '1 ms', to: '1.1 ms', words: 'attack 1.1 ms' },
    no: { value: '1', text: 'lengthen the attack' },
    yes: { value: '10', text: 'The crack passes and the body is held' },
  },
  {
    path: 'release/',
    label: 'Release',
    field: /^Release in ms/,
    step: { from: '100 ms', to: '110 ms', words: 'release 110 ms' },
    clip: { from: '1000 ms', to: '1100 ms', words: 'release 1.1 s' },
    no: { value: '1000', text: 'shorten the release' },
    yes: { value: '80', text: 'finger bass the applied reduction ripples by' },
  },
];

/** A close-up once it has drawn, by its title. */
async function closeUp(page: Page, title: RegExp): Promise<Locator> {
  const figure = page.locator('.cl-closeup', { has: page.locator('.cl-widget-title', { hasText: title }) });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('svg').first()).toBeVisible({ timeout: 30_000 });
  return figure;
}

const appliedPath = (figure: Locator) =>
  figure.locator('svg').first().locator('g[stroke="var(--cl-c-measured)"] path').first().getAttribute('d');

for (const lesson of LESSONS) {
  test.describe(`/${lesson.path}`, () => {
    test(`the ${lesson.label} slider moves from the keyboard and changes both close-ups and their descriptions`, async ({
      page,
      baseURL,
    }) => {
      const problems = watchPage(page, new URL(baseURL ?? '').origin);
      await page.goto(lesson.path);
      const sliders = page.getByRole('slider', { name: lesson.label });
      await expect(sliders).toHaveCount(2);

      // The test signal's close-up.
      const stepView = await closeUp(page, /^Close-up: the (attack|release)$/);
      const stepSlider = sliders.first();
      await expect(stepSlider).toHaveAttribute('aria-valuetext', lesson.step.from);
      await expect(stepView.locator('.cl-desc')).toContainText(`${lesson.label.toLowerCase()} ${lesson.step.from}`, {
        timeout: 30_000,
      });
      const stepBefore = { path: await appliedPath(stepView), text: await stepView.locator('.cl-desc').textContent() };
      await stepSlider.focus();
      await page.keyboard.press('ArrowRight');
      await expect(stepSlider).toHaveAttribute('aria-valuetext', lesson.step.to);
      await expect(stepView.locator('.cl-desc')).toContainText(lesson.step.words, { timeout: 15_000 });
      await expect(stepView.locator('.cl-desc')).not.toHaveText(stepBefore.text ?? '');
      await expect.poll(() => appliedPath(stepView)).not.toBe(stepBefore.path);
      // The table of conventions follows the slider.
      await expect(stepView.getByRole('table')).toContainText(
        `This ${lesson.label.toLowerCase()} of ${lesson.step.to}`,
      );

      // The clip's close-up, driven by the workbench's slider.
      const clipView = await closeUp(page, /^Close-up: (the loudest hit|after the loudest hit)$/);
      const clipSlider = sliders.nth(1);
      await expect(clipSlider).toHaveAttribute('aria-valuetext', lesson.clip.from);
      await expect(clipView.locator('.cl-desc')).toContainText('Drum groove, loudest hit', { timeout: 30_000 });
      const clipBefore = { path: await appliedPath(clipView), text: await clipView.locator('.cl-desc').textContent() };
      await clipSlider.focus();
      await page.keyboard.press('ArrowRight');
      await expect(clipSlider).toHaveAttribute('aria-valuetext', lesson.clip.to);
      await expect(clipView.locator('.cl-desc')).toContainText(lesson.clip.words, { timeout: 15_000 });
      await expect(clipView.locator('.cl-desc')).not.toHaveText(clipBefore.text ?? '');
      await expect.poll(() => appliedPath(clipView)).not.toBe(clipBefore.path);
      expect(problems.consoleErrors).toEqual([]);
    });

    test('the exercise says "not yet", then "yes", from the render, and clears when the setting changes', async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const problems = watchPage(page, new URL(baseURL ?? '').origin);
      await page.goto(lesson.path);
      await closeUp(page, /^Close-up: (the loudest hit|after the loudest hit)$/);
      const field = page.getByRole('textbox', { name: lesson.field }).nth(1);
      const status = page.locator('.cl-exercise [role="status"]');
      const check = page.getByRole('button', { name: 'Check my setting' });
      await check.scrollIntoViewIfNeeded();

      await field.fill(lesson.no.value);
      await field.press('Enter');
      await check.focus();
      await page.keyboard.press('Enter');
      await expect(status).toContainText('Not yet.', { timeout: 30_000 });
      await expect(status).toContainText('drum groove');
      await expect(status).toContainText(lesson.no.text);

      await field.fill(lesson.yes.value);
      await field.press('Enter');
      // A new setting clears the old verdict.
      await expect(status).toHaveText('');
      await check.focus();
      await page.keyboard.press('Enter');
      await expect(status).toContainText('✓ Yes', { timeout: 30_000 });
      await expect(status).toContainText(lesson.yes.text);
      await expect(status).toContainText('drum groove');

      await page.getByRole('slider', { name: lesson.label }).nth(1).focus();
      await page.keyboard.press('ArrowRight');
      await expect(status).toHaveText('');
      expect(problems.consoleErrors).toEqual([]);
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`has no axe violations once every widget has drawn (${scheme})`, async ({ page, baseURL }) => {
        const problems = watchPage(page, new URL(baseURL ?? '').origin);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(lesson.path);
        await closeUp(page, /^Close-up: the (attack|release)$/);
        await closeUp(page, /^Close-up: (the loudest hit|after the loudest hit)$/);
        const envelope = page.locator('.cl-envelope');
        await envelope.scrollIntoViewIfNeeded();
        await expect(envelope.locator('svg').first()).toBeVisible({ timeout: 30_000 });
        await page.getByRole('radio', { name: 'Tone burst' }).check();
        await expect(page.locator('.cl-closeup .cl-desc').first()).toContainText('Tone burst', { timeout: 15_000 });
        const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        const violations = axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
        expect(violations).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
      });
    }
  });
}

test('/embed/close-up/ shows both close-ups with Attack and Release sliders, without axe violations', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, new URL(baseURL ?? '').origin);
  await page.goto('embed/close-up/?clip=drums&threshold=-30&attack=20&release=300&controls=attack,release');
  await expect(page.getByRole('slider', { name: 'Attack' })).toHaveAttribute('aria-valuetext', '20 ms');
  await expect(page.getByRole('slider', { name: 'Release' })).toHaveAttribute('aria-valuetext', '300 ms');
  const attack = await closeUp(page, /^Close-up: the attack$/);
  const release = await closeUp(page, /^Close-up: the release$/);
  await expect(attack.locator('.cl-desc')).toContainText('Drum groove, loudest hit', { timeout: 30_000 });
  await expect(attack.locator('.cl-desc')).toContainText('attack 20 ms');
  await expect(release.locator('.cl-desc')).toContainText('release 300 ms');
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  await page.setViewportSize({ width: 390, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
