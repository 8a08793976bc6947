/**
 * Node-only loader of the story's content, for build-time checks and unit tests.
 * Reads the same files as ./index.ts; paths in messages are relative to the repository root.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Story } from './types.ts';
import { StoryError, validateStory, type ContentFile, type StoryFiles } from './validate.ts';

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

/**
 * The step files in file-name order, story.json, the fact-check log, the glossary and the map data's measurements,
 * as `{ file, data }`.
 */
export function loadStoryFiles(root: string = REPO_ROOT): StoryFiles {
  const stepsDir = join(root, CONTENT_DIR, 'steps');
  const steps = readdirSync(stepsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readJson(root, join(stepsDir, name)));
  return {
    steps,
    meta: readJson(root, join(root, CONTENT_DIR, 'story.json')),
    claims: readJson(root, join(root, CONTENT_DIR, 'claims.json')),
    glossary: readJson(root, join(root, CONTENT_DIR, 'glossary.json')),
    measurements: readJson(root, join(root, 'public', 'data', 'measurements.json')),
  };
}

/** Loads and validates the story; throws a StoryError on any content problem. */
export function loadStory(root: string = REPO_ROOT): Story {
  return validateStory(loadStoryFiles(root));
}
