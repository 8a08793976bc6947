// Types for story.mjs, for the TypeScript tests that share its checks (tests/e2e/yeh.e2e.ts).
import type { YehCase } from './page.d.mts';
export function storyTests(
  browser: unknown,
  options: { url: string; lang: 'en' | 'ar'; shots: string },
): { name: string; fn: () => Promise<string | undefined> }[];
export function checkYeh(cases: YehCase[]): string;
