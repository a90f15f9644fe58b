/**
 * Applying compression in real Chromium: each lesson's preset sets the values it states (the vocal preset's ratio
 * between 3 and 4), the preset chooser explains them and follows the controls, the four reasons readout shows
 * before and after measures that clear and recompute when the setting changes, `preset=` works in a page URL (an
 * unknown one is reported in words), an exercise answers from the render, no console error, no axe violations.
 * With SHOTS=<dir>, also saves screenshots at 1280 and 390 px in light and dark.
 */
import { test, expect, type Page } from '@playwright/test';
import { formatParamValue, PARAM_SPECS, type NumericParamKey } from '../../src/dsp/params';
import { findPreset, type PresetId } from '../../src/lib/presets';
import { watchPage } from './support/site';
import { a11yProblems, islandsMounted } from './support/a11y';

const LESSONS: { path: string; preset: PresetId; clip: RegExp; change: { field: RegExp; value: string } }[] = [
  { path: 'what-a-compressor-does/', preset: 'parallel', clip: /Full band/, change: { field: /^Ratio/, value: '8' } },
  { path: 'vocals/', preset: 'vocal', clip: /Audiobook reader/, change: { field: /^Ratio, /, value: '8' } },
  { path: 'drums-and-bass/', preset: 'drums', clip: /Drum groove/, change: { field: /^Attack in/, value: '1' } },
  { path: 'full-mix-and-parallel/', preset: 'mix', clip: /Full band/, change: { field: /^Ratio, /, value: '4' } },
];

const SHOWN: NumericParamKey[] = ['thresholdDb', 'ratio', 'attackMs', 'releaseMs'];

function preset(id: PresetId) {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

/** The readout's "Compressed" cell of one reason, once measured. */
function compressedCell(page: Page, reason: string) {
  return page
    .locator('.cl-reasons-table tr', { has: page.getByRole('rowheader', { name: new RegExp(`^${reason}`) }) })
    .locator('td')
    .nth(1);
}

async function measured(page: Page): Promise<void> {
  await expect(page.locator('.cl-reasons-table')).toBeVisible({ timeout: 60_000 });
}

for (const lesson of LESSONS) {
  test(`/${lesson.path}: the ${lesson.preset} preset sets its values, explains them, and the four reasons follow the setting`, async ({
    page,
    baseURL,
  }) => {
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto(lesson.path);
    await islandsMounted(page);
    const p = preset(lesson.preset);
    const chooser = page.getByRole('combobox', { name: 'Start from' });
    await expect(chooser).toHaveValue(p.id);
    // The explanation beside the chooser: every reason sentence.
    const why = page.locator('.cl-presets-list').first();
    for (const reason of p.reasons) await expect(why).toContainText(reason.why);
    // The controls (where the lesson shows them) carry the preset's values.
    if ((await page.getByRole('slider', { name: 'Ratio', exact: true }).count()) > 0) {
      for (const key of SHOWN) {
        const slider = page.getByRole('slider', { name: PARAM_SPECS[key].label, exact: true }).first();
        await expect(slider).toHaveAttribute('aria-valuetext', formatParamValue(key, p.params[key]));
      }
    }
    if (lesson.preset === 'vocal') {
      const ratioText = await page
        .getByRole('slider', { name: 'Ratio', exact: true })
        .first()
        .getAttribute('aria-valuetext');
      const ratio = Number((ratioText ?? '').split(' ')[0]);
      expect(ratio).toBeGreaterThanOrEqual(3);
      expect(ratio).toBeLessThanOrEqual(4);
    }
    // The four reasons, before and after, on the lesson's clip.
    await measured(page);
    await expect(page.locator('.cl-reasons').first()).toContainText(lesson.clip);
    for (const reason of ['Steadier level', 'Punch', 'No clipping', 'Space and depth']) {
      await expect(page.getByRole('rowheader', { name: new RegExp(`^${reason}`) })).toBeVisible();
    }
    const before = await compressedCell(page, 'Steadier level').textContent();
    const spaceBefore = await compressedCell(page, 'Space and depth').textContent();
    // Change the setting: choose another preset on the first lesson, type a value elsewhere.
    if (lesson.path === 'what-a-compressor-does/') {
      await chooser.selectOption('mix');
      await expect(chooser).toHaveValue('mix');
      await expect(why).toContainText(preset('mix').reasons[0]?.why ?? '');
    } else {
      const field = page.getByRole('textbox', { name: lesson.change.field }).first();
      await field.fill(lesson.change.value);
      await field.press('Enter');
      // The settings are no longer the preset: the chooser says so and marks the moved value.
      await expect(chooser).toHaveValue('own');
      await expect(why).toContainText('(now ');
    }
    // The readout recomputes for the new setting (it clears while the new render is on its way).
    await expect
      .poll(
        async () => [
          await compressedCell(page, 'Steadier level').textContent(),
          await compressedCell(page, 'Space and depth').textContent(),
        ],
        {
          timeout: 60_000,
        },
      )
      .not.toEqual([before, spaceBefore]);
    expect(await a11yProblems(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });
}

test('preset= in the URL applies a preset, and an unknown one is reported in words', async ({ page }) => {
  await page.goto('vocals/?preset=drums');
  await islandsMounted(page);
  await expect(page.getByRole('combobox', { name: 'Start from' })).toHaveValue('drums');
  await expect(page.getByRole('slider', { name: 'Ratio', exact: true }).first()).toHaveAttribute(
    'aria-valuetext',
    '6 to 1',
  );
  // Embeds too: the workbench embed shows the chooser on the link's preset.
  await page.goto('embed/workbench/?preset=bass');
  await islandsMounted(page);
  await expect(page.getByRole('combobox', { name: 'Start from' })).toHaveValue('bass');
  await page.goto('vocals/?preset=loud');
  await islandsMounted(page);
  await expect(page.getByRole('status').filter({ hasText: 'There is no preset called “loud”' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Start from' })).toHaveValue('vocal');
});

test('the vocal exercise answers from the render: the preset is not enough, 4 to 1 is', async ({ page }) => {
  await page.goto('vocals/');
  await islandsMounted(page);
  await page.getByRole('combobox', { name: 'Clip' }).first().selectOption('vocal');
  const check = page.getByRole('button', { name: 'Check my setting' });
  const verdict = page.locator('.cl-exercise .cl-desc[role=status]');
  await check.click();
  // The browser decodes the clip itself, so the last decimal may differ from the lesson's (ffmpeg-decoded) numbers.
  await expect(verdict).toContainText(/Not far enough: the loudness range went from 14\.\d LU to 7\.\d LU/, {
    timeout: 60_000,
  });
  const ratio = page.getByRole('textbox', { name: /^Ratio, / }).first();
  await ratio.fill('4');
  await ratio.press('Enter');
  await expect(verdict).toHaveText('');
  await check.click();
  await expect(verdict).toContainText(/Yes: the loudness range went from 14\.\d LU to 6\.\d LU/, { timeout: 60_000 });
});

const SHOTS = process.env.SHOTS;
test.describe('screenshots', () => {
  test.skip(!SHOTS, 'set SHOTS=<dir> to save screenshots');
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${width} px ${scheme}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        for (const path of ['what-a-compressor-does/', 'vocals/']) {
          await page.goto(path);
          await islandsMounted(page);
          await measured(page);
          const box = page.locator('.cl-presets').first();
          await box.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/${path.replace('/', '')}-${width}-${scheme}.png`, fullPage: false });
          await page.locator('.cl-reasons').first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/${path.replace('/', '')}-reasons-${width}-${scheme}.png` });
        }
      });
    }
  }
});
