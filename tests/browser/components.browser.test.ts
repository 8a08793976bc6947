import { describe, expect, it } from 'vitest';
import { story } from '../../src/story/index.ts';
import claimsLog from '../../src/story/content/claims.json';
import type { Claim } from '../../src/story/types.ts';

const claims = claimsLog as unknown as Claim[];
import '../../src/components/story-step.ts';
import '../../src/components/story-timeline.ts';
import '../../src/components/map-legend.ts';
import type { StoryStep } from '../../src/components/story-step.ts';
import type { StoryTimeline } from '../../src/components/story-timeline.ts';
import type { MapLegend } from '../../src/components/map-legend.ts';

async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(tag: string, props: Partial<T>): Promise<T> {
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const shaddadi = story.steps.find((s) => s.id === 'shaddadi')!;

describe('<story-step>', () => {
  it('shows the date, the title and the disputed figures side by side, each with who gave it, even on a phone card', async () => {
    const el = await mount<StoryStep>('story-step', { step: shaddadi, sources: story.meta.sources, lang: 'en', index: 6, total: 11 });
    el.style.width = '340px';
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).toBe(shaddadi.title.en);
    expect(root.querySelector('time')!.textContent).toBe('20 January 2026');
    const figures = [...root.querySelectorAll('.figures li')];
    // The two disputed counts come first, next to each other; the recaptured 81 follows, all in one row.
    expect(figures.map((f) => f.querySelector('.value')!.textContent)).toEqual(['about 120', 'more than 1,500', '81']);
    const tops = figures.map((f) => f.getBoundingClientRect().top);
    expect(Math.abs(tops[0]! - tops[1]!)).toBeLessThan(4);
    expect(Math.abs(tops[0]! - tops[2]!)).toBeLessThan(4);
    expect(figures[1]!.textContent).toContain('Farhad Shami');
    expect(root.querySelector('.sources')!.textContent).toContain('The National');
    el.remove();
  });

  it('puts a Source control under each paragraph that states claims, closed until the reader opens it', async () => {
    const el = await mount<StoryStep>('story-step', { step: shaddadi, sources: story.meta.sources, claims, lang: 'en' });
    const controls = [...el.shadowRoot!.querySelectorAll('details.src')];
    expect(controls).toHaveLength(shaddadi.body.filter((p) => p.claims.length).length);
    for (const d of controls) {
      expect(d.previousElementSibling?.localName).toBe('p');
      expect(d.querySelector('summary')!.textContent).toBe('Source');
      expect(d.hasAttribute('open')).toBe(false);
      expect(d.querySelector('.src-body')!.checkVisibility()).toBe(false);
    }
    controls[0]!.querySelector('summary')!.click();
    await el.updateComplete;
    const opened = controls[0]!.querySelector('.src-body')!;
    expect(opened.checkVisibility()).toBe(true);
    expect(opened.getBoundingClientRect().height).toBeGreaterThan(40);
    expect(controls[0]!.textContent).toContain('about 120 ISIS inmates had escaped');
    el.remove();
  });

  it('marks Arabic names inside English text with lang="ar"', async () => {
    const overview = story.steps[0]!;
    const el = await mount<StoryStep>('story-step', { step: overview, sources: story.meta.sources, lang: 'en' });
    const spans = [...el.shadowRoot!.querySelectorAll('span[lang="ar"]')];
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(s.textContent).toMatch(/[\u0600-\u06ff]/);
    expect(el.shadowRoot!.textContent).not.toContain('[[');
    el.remove();
  });

  it('renders the Arabic text with Arabic dates and Western digits', async () => {
    const el = await mount<StoryStep>('story-step', { step: shaddadi, sources: story.meta.sources, lang: 'ar' });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).toBe(shaddadi.title.ar);
    expect(el.shadowRoot!.querySelector('time')!.textContent).toBe('20 يناير 2026');
    el.remove();
  });
});

describe('<story-timeline>', () => {
  it('groups steps by day, marks the current one and asks for a step on click', async () => {
    const el = await mount<StoryTimeline>('story-timeline', { steps: story.steps, active: 2, lang: 'en' });
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.day-label')].map((d) => d.textContent)).toEqual(['19 Jan', '20 Jan']);
    expect(root.querySelector('[aria-current="step"]')!.getAttribute('data-step')).toBe(story.steps[2]!.id);
    const asked: number[] = [];
    el.addEventListener('step-select', (e) => asked.push((e as CustomEvent<{ index: number }>).detail.index));
    root.querySelector<HTMLButtonElement>(`button[data-step="${story.steps[5]!.id}"]`)!.click();
    root.querySelector<HTMLButtonElement>('button.next')!.click();
    root.querySelector<HTMLButtonElement>('button.prev')!.click();
    expect(asked).toEqual([5, 3, 1]);
    el.remove();
  });
});

describe('<map-legend>', () => {
  it('lists only what the scene shows', async () => {
    const trench = story.steps.find((s) => s.id === 'trench')!;
    const el = await mount<MapLegend>('map-legend', { scene: trench.scene, lang: 'en' });
    const text = el.shadowRoot!.textContent ?? '';
    expect(text).toContain('Trench, schematic');
    expect(text).not.toContain('convoys');
    el.remove();
  });
});
