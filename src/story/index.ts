/**
 * The story, bundled at build time: every step file in ./content/steps (in file-name order) and ./content/story.json.
 * The build (the story-check plugin in vite.config.ts) and the tests validate these same files with ./validate.ts and
 * fail naming the file, step and field, so the page does not carry the validator: it trusts content that passed.
 */
import metaData from './content/story.json';
import type { Step, Story, StoryMeta } from './types.ts';

export { parseInline, plainText, type InlineSegment } from './inline.ts';

const stepModules = import.meta.glob<unknown>('./content/steps/*.json', { eager: true, import: 'default' });

export const story: Story = {
  meta: metaData as unknown as StoryMeta,
  steps: Object.keys(stepModules)
    .sort()
    .map((key) => stepModules[key] as Step),
};
