import fs from 'node:fs';
import { test, expect, mapIdle } from './fixtures.ts';
import { yehDots } from '../engines/page.mjs';
import { checkYeh } from '../engines/story.mjs';

// The engine tests' yeh check (tests/engines/page.mjs) in Chromium: the dots of final and isolated yeh show in the
// page's Arabic font, in canvas text and in the glyphs as the live map's labels draw them, regular and bold.
// YEH_IMAGES=dir saves the drawn words, YEH_SHOT=file.png a screenshot of the Arabic overview.
test('Arabic yeh keeps its dots in text and in the map labels', async ({ page, g }) => {
  await page.goto('./?lang=ar');
  await mapIdle(page);
  const { faces, cases, images } = await page.evaluate(yehDots, Boolean(process.env.YEH_IMAGES));
  if (process.env.YEH_IMAGES) {
    fs.mkdirSync(process.env.YEH_IMAGES, { recursive: true });
    images.forEach((url, i) => fs.writeFileSync(`${process.env.YEH_IMAGES}/chromium-${i}.png`, Buffer.from(url.split(',')[1] ?? '', 'base64')));
  }
  if (process.env.YEH_SHOT) await page.screenshot({ path: process.env.YEH_SHOT });
  expect(faces.some((f) => f.startsWith('Noto Sans Arabic'))).toBe(true);
  console.log(checkYeh(cases));
  expect(g.errors).toEqual([]);
});
