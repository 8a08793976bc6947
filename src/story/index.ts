/**
 * The story, bundled at build time: every step file in ./content/steps (in file-name order) and ./content/story.json.
 * The build (the story-check plugin in vite.config.ts) and the tests validate these same files with ./validate.ts and
 * fail naming the file, step and field, so the page does not carry the validator: it trusts content that passed.
 */
import { stepClaims } from './inline.ts';
import metaData from './content/story.json';
import type { Paragraph, Step, Story, StoryMeta } from './types.ts';

export { parseInline, plainText, type InlineSegment } from './inline.ts';

const stepModules = import.meta.glob<unknown>('./content/steps/*.json', { eager: true, import: 'default' });

/** A paragraph as the validator types it: an editorial one cites no claims. */
const typed = (p: Paragraph): Paragraph => ({ ...p, claims: p.claims ?? [] });

/** The step as the validator types it: paragraphs and figures with their claim lists, and the step's claims derived from them. */
function typedStep(raw: Step): Step {
  const body = raw.body.map(typed);
  const figures = raw.figures?.map((f) => ({ ...f, claims: f.claims ?? [] }));
  const claims = stepClaims(body, figures);
  const step: Step = { ...raw, body, claims };
  if (figures) step.figures = figures;
  return step;
}

const meta = metaData as unknown as StoryMeta;

export const story: Story = {
  meta: { ...meta, method: meta.method.map(typed) },
  steps: Object.keys(stepModules)
    .sort()
    .map((key) => typedStep(stepModules[key] as Step)),
  // The fact-check log is not bundled: the page fetches it for the Source controls (./claims-url.ts).
  claims: [],
};
