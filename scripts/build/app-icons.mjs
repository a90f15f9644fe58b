#!/usr/bin/env node
// The web app manifest's PNG icons, drawn from the site logo (src/assets/logo.svg) by sharp (installed with
// Astro): the logo itself at 192 and 512 px ("any"), and a maskable version at the same sizes whose background
// fills the square and whose drawing sits inside the central 80 % circle that a launcher's mask always keeps
// (https://www.w3.org/TR/appmanifest/#icon-masks). The PNGs are committed in public/icons/; run
// `npm run icons` after changing the logo. tests/unit/build/app-icons.test.ts renders them again and fails when
// the committed files no longer match the logo.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ROOT = new URL('../../', import.meta.url);
export const LOGO = new URL('src/assets/logo.svg', ROOT);
export const ICON_DIR = new URL('public/icons/', ROOT);
export const SIZES = [192, 512];
/** The share of the square the maskable icon's drawing takes (its corners stay inside the 80 % safe circle). */
const MASKABLE_SCALE = 0.62;

/** The maskable variant: the logo's own background colour fills the square, the logo scaled into the safe zone. */
export function maskableSvg(logo) {
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(logo)?.[1];
  const fill = /<rect[^>]*fill="([^"]+)"/.exec(logo)?.[1];
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(logo);
  if (!inner || !fill || !viewBox) throw new Error('logo.svg: expected a square viewBox and a background <rect>');
  const size = Number(viewBox[1]);
  const offset = (size * (1 - MASKABLE_SCALE)) / 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">` +
    `<rect width="${size}" height="${size}" fill="${fill}"/>` +
    `<g transform="translate(${offset} ${offset}) scale(${MASKABLE_SCALE})">${inner}</g></svg>`
  );
}

/** Every icon as { name, png } (PNG buffers), rendered from the logo. */
export async function renderIcons() {
  const logo = await readFile(LOGO, 'utf8');
  const sources = { icon: logo, maskable: maskableSvg(logo) };
  const icons = [];
  for (const [kind, svg] of Object.entries(sources)) {
    for (const size of SIZES) {
      const png = await sharp(Buffer.from(svg), { density: (72 * size) / 32 })
        .resize(size, size)
        .png({ compressionLevel: 9 })
        .toBuffer();
      icons.push({ name: `${kind}-${size}.png`, png });
    }
  }
  return icons;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await mkdir(ICON_DIR, { recursive: true });
  for (const { name, png } of await renderIcons()) {
    await writeFile(new URL(name, ICON_DIR), png);
    console.log(`public/icons/${name}: ${png.length} bytes`);
  }
}
