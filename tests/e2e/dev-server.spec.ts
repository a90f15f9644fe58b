/**
 * `npm start` (the README's first command) serves the site through Vite's dev server, which rewrites modules
 * differently from the build. This spec runs against that server (the "dev" project in playwright.config.ts):
 * the AudioWorklet must load there too, so the first click on Play plays.
 */
import { test, expect } from '@playwright/test';

test('in the development server, the first click on Play plays through the worklet', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('embed/player/', { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 20_000 });
  // The shared playhead moves only while the worklet is actually producing audio.
  await expect(page.locator('.cl-player').first()).toContainText(/0:0[1-9] \//, { timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  const meter = page.getByRole('meter', { name: 'Gain reduction' });
  await expect(meter).toBeVisible();
  expect(errors).toEqual([]);
});

test('in the development server, a lesson renders its plots from the compressor', async ({ page }) => {
  await page.goto('threshold/');
  await expect(page.locator('.cl-transfer .cl-desc').first()).toContainText('On this clip', { timeout: 60_000 });
});
