// Types for page.mjs, for the TypeScript tests that share its in-page checks (tests/e2e/yeh.e2e.ts).
export interface YehCase {
  kind: 'text' | 'glyph' | 'map' | 'reference';
  /** 400 or 700, or (kind "map") the label font stack */
  weight: number | string;
  text: string;
  /** pixels of ink in the yeh word that are blank in the alef maksura word, under the final letter */
  dots: number;
  min: number;
  ok: boolean;
  note?: string;
}
export function hookErrors(): void;
export function storyState(): Record<string, unknown>;
export function waitForMap(timeout: number): Promise<boolean>;
export function yehDots(debug?: boolean): Promise<{ family: string; faces: string[]; cases: YehCase[]; images: string[] }>;
