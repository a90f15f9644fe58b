import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICON_DIR, renderIcons } from '../../../scripts/build/app-icons.mjs';

interface Icon {
  name: string;
  png: Buffer;
}

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('the web app icons', () => {
  it('in public/icons/ are the logo as rendered now (npm run icons), at 192 and 512 px', async () => {
    const icons = (await renderIcons()) as Icon[];
    expect(icons.map((i) => i.name)).toEqual(['icon-192.png', 'icon-512.png', 'maskable-192.png', 'maskable-512.png']);
    for (const { name, png } of icons) {
      const fresh = await pixels(png);
      const committed = await pixels(await readFile(new URL(name, ICON_DIR)));
      expect([committed.width, committed.height]).toEqual([fresh.width, fresh.height]);
      let worst = 0;
      for (let i = 0; i < fresh.data.length; i++) {
        worst = Math.max(worst, Math.abs((fresh.data[i] ?? 0) - (committed.data[i] ?? 0)));
      }
      // Another sharp/libvips build may anti-alias an edge a step differently; a changed logo moves far more.
      expect(worst, name).toBeLessThanOrEqual(8);
    }
  });

  it('maskable: the background fills every corner, the drawing stays inside the 80 % safe circle', async () => {
    const icons = (await renderIcons()) as Icon[];
    const icon = icons.find((i) => i.name === 'maskable-512.png');
    if (!icon) throw new Error('no maskable-512.png');
    const { data, width } = await pixels(icon.png);
    const at = (x: number, y: number) => Array.from(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
    const background = at(0, 0);
    expect(background[3]).toBe(255);
    for (const [x, y] of [
      [width - 1, 0],
      [0, width - 1],
      [width - 1, width - 1],
    ] as const) {
      expect(at(x, y)).toEqual(background);
    }
    // Every pixel outside the safe circle (radius 40 % of the size) is background.
    const r = 0.4 * width;
    let outside = 0;
    for (let y = 0; y < width; y++) {
      for (let x = 0; x < width; x++) {
        if (Math.hypot(x + 0.5 - width / 2, y + 0.5 - width / 2) <= r) continue;
        if (at(x, y).join() !== background.join()) outside++;
      }
    }
    expect(outside).toBe(0);
  });
});
