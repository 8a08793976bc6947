/** The strict Content-Security-Policy of the built page: nothing the story needs is refused. */
import type { Page } from '@playwright/test';
import { test, expect, mapIdle, mapColours } from './fixtures.ts';

const story = (page: Page) => page.locator('map-story');

test.describe('Content-Security-Policy', () => {
  test('the built page carries a strict policy and nothing in it is refused: map, steps, animations, Arabic', async ({ page, g }) => {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        void (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    // Every page the build publishes: the two editions and the step pages. A JSON-LD block is data, not code.
    for (const path of ['./', './ar/', './s/trench.html', './ar/s/trench.html']) {
      const html = await (await page.request.get(path)).text();
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(policy, path).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).not.toMatch(/unsafe-|\*|https?:/);
      expect(html, path).not.toMatch(/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>|<style[\s>]|\sstyle\s*=|\son[a-z]+\s*=/i);
    }

    await page.goto('./');
    await mapIdle(page);
    expect(await mapColours(page)).toBeGreaterThan(12);
    // Steps with a flight, a drawing animation and highlighted places, then the other language.
    for (const id of ['convoys', 'trench', 'transfer']) {
      await story(page).locator('story-timeline').locator(`button[data-step="${id}"]`).click();
      await expect.poll(() => page.evaluate(() => document.querySelector('map-story')?.step)).toBe(id);
      await mapIdle(page);
    }
    await story(page).locator('button.lang').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await mapIdle(page);
    expect(await mapColours(page)).toBeGreaterThan(12);
    expect(violations).toEqual([]);
    expect(g.errors).toEqual([]);
    expect(g.refused).toEqual([]);
  });
});
