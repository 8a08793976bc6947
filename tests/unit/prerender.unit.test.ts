import { describe, expect, test } from 'vitest';
import { loadStory } from '../../src/story/load-node.ts';
import { escapeHtml, renderStoryHtml } from '../../scripts/vite/prerender.ts';

const story = loadStory();

describe('the story for readers without JavaScript', () => {
  const html = renderStoryHtml(story);

  test('escapes every text', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const tricky = structuredClone(story);
    tricky.steps[0]!.title.en = '<script>alert(1)</script>';
    const out = renderStoryHtml(tricky);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('holds every step with its id, title, still map and alt text, in order', () => {
    let at = 0;
    for (const step of story.steps) {
      const here = html.indexOf(`<article id="${step.id}"`, at);
      expect(here, step.id).toBeGreaterThan(at);
      at = here;
      expect(html).toContain(`<h2 id="${step.id}-title">${escapeHtml(step.title.en)}</h2>`);
      expect(html).toContain(`src="static/en/${step.id}.svg" alt="${escapeHtml(step.alt.en)}"`);
    }
  });

  test('marks Arabic names and links to the Arabic edition', () => {
    expect(html).toMatch(/<span lang="ar" dir="rtl">[\u0600-\u06FF ]+<\/span>/);
    expect(html).toContain('<a href="ar/" hreflang="ar" lang="ar">');
    expect(renderStoryHtml(story, 'ar')).toContain('<a href="./" hreflang="en" lang="en">');
    expect(html).not.toContain('[[ar:');
  });
});
