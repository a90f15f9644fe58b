import { test, expect } from '@playwright/test';

test('home page says what the site is and lists the lessons in order', async ({ page }) => {
  await page.goto('');
  await expect(page.getByRole('heading', { level: 1, name: 'Compressor Lab' })).toBeVisible();
  await expect(page.getByText('teaches dynamic range compression hands-on')).toBeVisible();
  const lessons = page.getByRole('main').getByRole('list').last().getByRole('link');
  await expect(lessons.first()).toContainText('1. What a compressor does');
  await lessons.first().click();
  await expect(page).toHaveURL(/what-a-compressor-does\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'What a compressor does' })).toBeVisible();
});

test('the first lesson explains every control', async ({ page }) => {
  await page.goto('what-a-compressor-does/');
  for (const control of ['Threshold', 'Ratio', 'Knee', 'Attack', 'Release', 'Make-up gain']) {
    await expect(page.getByRole('heading', { level: 3, name: control })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'What you will learn' })).toBeVisible();
});

test('keyboard focus is visible', async ({ page }) => {
  await page.goto('what-a-compressor-does/');
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
    });
    expect(ring, 'Tab moves focus to an element').not.toBeNull();
    const visible = (ring?.outline !== 'none' && (ring?.width ?? 0) >= 2) || (ring?.shadow ?? 'none') !== 'none';
    expect(visible, `focus ring on tab stop ${i + 1}: ${JSON.stringify(ring)}`).toBe(true);
  }
});

test('an unknown address shows a helpful 404 page', async ({ page }) => {
  const response = await page.goto('no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
