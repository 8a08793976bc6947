// The engine smoke tests: one story, in one engine and one language. Each test is { name, fn } and throws to fail.
import path from 'node:path';
import { storyState, waitForMap, yehDots } from './page.mjs';

const MAP_TIMEOUT = 45000;
const STEP_TIMEOUT = 15000;

async function until(browser, check, timeout, what) {
  const end = Date.now() + timeout;
  let state;
  while (Date.now() < end) {
    state = await browser.run(storyState);
    if (check(state)) return state;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} (step "${state?.step}", map ready: ${state?.mapReady}, still image: ${state?.still})`);
}

/**
 * @param {import('../../scripts/engines/drivers.mjs').Browser} browser
 * @param {{ url: string, lang: 'en' | 'ar', shots: string }} options
 * @returns {{ name: string, fn: () => Promise<string | void> }[]}
 */
export function storyTests(browser, { url, lang, shots }) {
  const page = lang === 'ar' ? `${url}ar/` : url;
  let steps = [];
  const shot = (step) => browser.screenshot(path.join(shots, `${browser.name}-${lang}-${step}.png`));
  return [
    {
      name: 'loads; after a pointer move the live map draws (or, without WebGL, the still image shows with its notice)',
      fn: async () => {
        await browser.open(page);
        const first = await until(browser, (s) => s.steps.length > 0, STEP_TIMEOUT, 'the story did not render its steps');
        steps = first.steps;
        await browser.pointer();
        if (first.webgl) {
          if (!(await browser.run(waitForMap, MAP_TIMEOUT))) throw new Error('the live map did not load');
          await shot(first.step);
          return `WebGL: live map, ${steps.length} steps`;
        }
        const still = await until(browser, (s) => s.still && s.notice !== '', STEP_TIMEOUT, 'no WebGL, and no still image with a notice');
        await shot(first.step);
        return `no WebGL: still image, notice «${still.notice.slice(0, 60)}»`;
      },
    },
    {
      name: 'every step is reached in order with the keyboard',
      fn: async () => {
        if (steps.length < 2) throw new Error(`only ${steps.length} steps`);
        const start = await browser.run(storyState);
        if (start.step !== steps[0]) throw new Error(`starts at "${start.step}", not "${steps[0]}"`);
        for (const [i, id] of steps.entries()) {
          if (i === 0) continue;
          await browser.step('forward', lang);
          await until(browser, (s) => s.step === id, STEP_TIMEOUT, `step ${i + 1} "${id}" not reached`);
        }
        const end = await browser.run(storyState);
        if (end.webgl) await browser.run(waitForMap, MAP_TIMEOUT);
        await shot(steps.at(-1));
        return `${steps.length} steps: ${steps.join(' → ')}`;
      },
    },
    {
      name: 'Arabic yeh keeps its dots (text «في», «الشدادي»; map label glyphs), regular and bold',
      fn: async () => {
        const { family, faces, cases } = await browser.run(yehDots);
        if (!faces.some((f) => f.startsWith('Noto Sans Arabic'))) throw new Error(`Noto Sans Arabic did not load (${family})`);
        return checkYeh(cases);
      },
    },
    {
      name: 'no console errors or exceptions',
      fn: async () => {
        const state = await browser.run(storyState);
        const errors = [...browser.logErrors(), ...state.errors];
        if (errors.length) throw new Error(errors.join(' | '));
      },
    },
  ];
}

/**
 * Passes when every case of yehDots (tests/engines/page.mjs) shows the dots; the message lists each case's dot pixels.
 * @param {{ kind: string, weight: number | string, text: string, dots: number, min: number, ok: boolean }[]} cases
 */
export function checkYeh(cases) {
  const label = (c) => `${c.kind} ${typeof c.weight === 'number' ? c.weight : c.weight.includes('Bold') ? 'bold' : 'regular'} «${c.text}» ${c.dots}`;
  const text = cases.map(label).join(', ');
  const missing = cases.filter((c) => !c.ok);
  if (missing.length) throw new Error(`the dots of yeh are missing or inside the bowl (dot pixels < min): ${missing.map(label).join(', ')} [all: ${text}]`);
  return `dot pixels: ${text}`;
}
