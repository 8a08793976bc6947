import { describe, expect, it } from 'vitest';
import { assertNoInline, cspContent } from '../../scripts/vite/csp.ts';

describe('the Content-Security-Policy', () => {
  it('allows only the site itself, with no unsafe-* and no wildcard', () => {
    const policy = cspContent();
    expect(policy).toMatch(/^default-src 'self'; /);
    expect(policy).not.toMatch(/unsafe-|\*|https?:/);
    for (const d of ['script-src', 'style-src', 'connect-src', 'font-src', 'worker-src', 'object-src', 'base-uri']) expect(policy).toContain(d);
  });

  it('refuses to build a page with inline code or styles, and accepts one without', () => {
    const page = (head: string, body = '') => `<!doctype html><html><head><meta charset="utf-8" />${head}</head><body>${body}</body></html>`;
    expect(() =>
      assertNoInline(
        page('<script type="module" src="./assets/index.js"></script><link rel="stylesheet" href="./assets/index.css">', '<map-story><p>text</p></map-story>'),
      ),
    ).not.toThrow();
    expect(() => assertNoInline(page('<script>window.x = 1</script>'))).toThrow(/inline <script>/);
    expect(() => assertNoInline(page('<style>body { color: red }</style>'))).toThrow(/inline <style>/);
    expect(() => assertNoInline(page('', '<p style="color: red">x</p>'))).toThrow(/style attribute/);
    expect(() => assertNoInline(page('', '<img src="x.svg" onerror="alert(1)">'))).toThrow(/event handler/);
    expect(() => assertNoInline(page('', '<a href="javascript:alert(1)">x</a>'))).toThrow(/javascript: URL/);
  });
});
