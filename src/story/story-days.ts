/** The story's days: every step is dated within them, and a text may name them without citing a claim. */
export const STORY_DAYS: [string, string] = ['2026-01-19', '2026-01-20'];
