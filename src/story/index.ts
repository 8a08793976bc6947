/**
 * The story, loaded at build time: every step file in ./content/steps (in file-name order) and ./content/story.json,
 * validated into typed values. A content error fails the build with a message naming the file, step and field.
 */
import metaData from './content/story.json';
import type { Story } from './types.ts';
import { validateStory, type ContentFile } from './validate.ts';

export { parseInline, plainText, type InlineSegment } from './inline.ts';
export { StoryError } from './validate.ts';

const stepModules = import.meta.glob<unknown>('./content/steps/*.json', { eager: true, import: 'default' });

const stepFiles: ContentFile[] = Object.keys(stepModules)
  .sort()
  .map((key) => ({ file: `src/story/${key.replace(/^\.\//, '')}`, data: stepModules[key] }));

export const story: Story = validateStory(stepFiles, { file: 'src/story/content/story.json', data: metaData as unknown });
