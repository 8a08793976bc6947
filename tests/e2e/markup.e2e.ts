/**
 * Valid markup: the Nu HTML Checker (npm vnu-jar, run with Java) finds no error in the built pages (both editions,
 * step pages in both languages, the example host page) nor in the live page as the reader has it, in both languages
 * once the map has loaded: the document as the reader has it, each component's shadow root in place of its light
 * children (see flattenPage). Declarative shadow DOM (`getHTML({ shadowRoots })`) is not enough: the checker does not
 * look inside <template> contents, so it would pass any shadow tree.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, mapIdle } from './fixtures.ts';
import { loadStory } from '../../src/story/load-node.ts';
import { embedSnippet, storyUrls } from '../../src/embed/snippet.ts';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(here, process.env.E2E_DIST ?? '../../dist');
const VNU = resolve(here, '../../node_modules/vnu-jar/build/dist/vnu.jar');
const story = loadStory();
const ids = story.steps.map((s) => s.id);
const STEP_PAGES = [ids[0]!, ids[Math.floor(ids.length / 2)]!, ids.at(-1)!];

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** The checker's errors for these files, as `file:line: message [extract]` lines. */
function vnuErrors(files: string[]): { errors: string[] } {
  let out: string;
  try {
    out = execFileSync('java', ['-jar', VNU, '--format', 'json', '--errors-only', '--stdout', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    // The checker exits 1 when it finds errors; its report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    out = stdout;
  }
  const messages = (JSON.parse(out) as { messages: VnuMessage[] }).messages;
  const errors: string[] = [];
  for (const m of messages) {
    const file = (m.url ?? '').replace(/^file:/, '');
    const line = `${file.replace(`${DIST}/`, '')}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 160)}]` : ''}`;
    errors.push(line);
  }
  return { errors };
}

test('the built pages pass the Nu HTML Checker with no errors', () => {
  const pages = ['index.html', 'ar/index.html', ...STEP_PAGES.flatMap((id) => [`s/${id}.html`, `ar/s/${id}.html`]), 'example-host.html'];
  const files = pages.map((p) => join(DIST, p));
  for (const f of files) expect(existsSync(f), `${f} is built`).toBe(true);
  const { errors } = vnuErrors(files);
  expect(errors, errors.join('\n')).toEqual([]);
});

test('the embed code the share dialog gives passes the Nu HTML Checker, in a minimal host page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snippet-'));
  const files = (['en', 'ar'] as const).map((lang) => {
    const code = embedSnippet(storyUrls('https://news.example/story/', lang, ids[1]!), story.meta.title[lang], lang);
    const file = join(dir, `snippet-${lang}.html`);
    writeFileSync(file, `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Host</title></head>\n<body>\n${code}\n</body>\n</html>\n`);
    return file;
  });
  const { errors } = vnuErrors(files);
  expect(errors, errors.join('\n')).toEqual([]);
});

/**
 * Runs in the page: the document flattened as the reader meets it. Each shadow host's children are its shadow root's
 * (its light children only where a <slot> takes them), and ids and the attributes that refer to them get a prefix per
 * shadow tree, since ids are scoped to their tree. Built in an inert document, so no custom element is created.
 */
function flattenPage(): string {
  const doc = document.implementation.createHTMLDocument('');
  const prefixes = new Map<Node, string>([[document, '']]);
  const prefixOf = (node: Node): string => {
    const root = node.getRootNode();
    if (!prefixes.has(root)) prefixes.set(root, `sr${prefixes.size}-`);
    return prefixes.get(root)!;
  };
  const IDREFS = [
    'for',
    'aria-labelledby',
    'aria-describedby',
    'aria-controls',
    'aria-owns',
    'aria-details',
    'aria-activedescendant',
    'headers',
    'list',
    'form',
  ];
  const copy = (node: Node): Node | null => {
    if (node instanceof HTMLTemplateElement) return doc.importNode(node, true);
    if (!(node instanceof Element)) return node.nodeType === Node.COMMENT_NODE ? null : doc.importNode(node, false);
    if (node.localName === 'style') return null;
    const el = doc.importNode(node, false) as Element;
    const prefix = prefixOf(node);
    if (prefix) {
      if (el.id) el.id = prefix + el.id;
      for (const name of IDREFS) {
        const value = el.getAttribute(name);
        if (value)
          el.setAttribute(
            name,
            value
              .split(/\s+/)
              .map((id) => prefix + id)
              .join(' '),
          );
      }
    }
    const children = node.shadowRoot
      ? [...node.shadowRoot.childNodes]
      : node instanceof HTMLSlotElement
        ? node.assignedNodes({ flatten: true })
        : [...node.childNodes];
    for (const child of children) {
      const c = copy(child);
      if (c) el.append(c);
    }
    return node instanceof HTMLSlotElement ? [...el.childNodes].reduce((f, n) => (f.append(n), f), doc.createDocumentFragment()) : el;
  };
  return `<!DOCTYPE html>\n${(copy(document.documentElement) as Element).outerHTML}`;
}

for (const lang of ['en', 'ar'] as const) {
  test(`the live page in ${lang}, with its shadow roots, once the map has loaded, passes the Nu HTML Checker`, async ({ page, g }) => {
    await page.goto(lang === 'en' ? './' : './ar/');
    await mapIdle(page);
    // The map's prefetch links move into the head when the browser is idle: check the page with them.
    await page.waitForFunction(() => document.head.querySelector('link[rel="prefetch"]') !== null, undefined, { timeout: 15_000 });
    const html = await page.evaluate(flattenPage);
    expect(html).toContain('<story-step');
    const file = join(mkdtempSync(join(tmpdir(), 'markup-')), `live-${lang}.html`);
    writeFileSync(file, html);
    const { errors } = vnuErrors([file]);
    expect(errors, errors.join('\n')).toEqual([]);
    expect(g.refused).toEqual([]);
  });
}
