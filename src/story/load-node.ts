/**
 * Node-only loader of the story's content, for build-time checks and unit tests.
 * Reads the same files as ./index.ts; paths in messages are relative to the repository root.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Story } from './types.ts';
import { StoryError, validateStory, type ContentFile } from './validate.ts';

/** The repository root (two levels above this file). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const CONTENT_DIR = join('src', 'story', 'content');

function readJson(root: string, path: string): ContentFile {
  const file = relative(root, path).split(sep).join('/');
  try {
    return { file, data: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (err) {
    throw new StoryError([`${file}: cannot be read as JSON (${err instanceof Error ? err.message : String(err)})`]);
  }
}

/** The step files in file-name order, and story.json, as `{ file, data }`. */
export function loadStoryFiles(root: string = REPO_ROOT): { steps: ContentFile[]; meta: ContentFile } {
  const stepsDir = join(root, CONTENT_DIR, 'steps');
  const steps = readdirSync(stepsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readJson(root, join(stepsDir, name)));
  return { steps, meta: readJson(root, join(root, CONTENT_DIR, 'story.json')) };
}

/** Loads and validates the story; throws a StoryError on any content problem. */
export function loadStory(root: string = REPO_ROOT): Story {
  const { steps, meta } = loadStoryFiles(root);
  return validateStory(steps, meta);
}
