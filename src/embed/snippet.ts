/**
 * Addresses of the story for sharing and embedding, and the copy-ready embed code: pure functions of the page's
 * own address (never the host page's), the step and the language.
 */
import type { Lang } from '../story/types.ts';
import { editionPath, stepPagePath } from '../state/paths.ts';

/** The smallest sandbox that works: scripts; its own origin (module scripts, data, the map's worker and storage
 * need it); and links that open the full story in a new, unsandboxed tab. */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
/** The frame's height before the resize script has heard from the story (CSS px). */
export const EMBED_HEIGHT = 640;
/** The resize script, next to index.html in the build. */
export const EMBED_SCRIPT = 'embed.js';

export interface StoryUrls {
  /** The standalone story at this step, in its language's edition. */
  page: string;
  /** The step's own page to share: its link preview, and on to `page`. */
  share: string;
  /** The embed layout at this step and language. */
  frame: string;
  /** The resize script served with the story. */
  script: string;
}

/**
 * The story's addresses, from the address its relative links resolve against (the page's base URL: the English
 * page's own address, or the site root for the Arabic edition, which has <base href="../">). Parameters are dropped.
 */
export function storyUrls(href: string, lang: Lang, stepId: string): StoryUrls {
  const base = new URL(href);
  base.search = '';
  base.hash = '';
  const page = new URL(editionPath(lang) || './', base);
  page.hash = stepId;
  const frame = new URL(base);
  frame.searchParams.set('embed', '1');
  frame.searchParams.set('lang', lang);
  frame.hash = stepId;
  return { page: page.href, share: new URL(stepPagePath(lang, stepId), base).href, frame: frame.href, script: new URL(EMBED_SCRIPT, base).href };
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The embed code: the resize script first (it only listens, so it must be there before the story speaks), then the
 * frame. The script finds the frame that sent each height message by `event.source`.
 */
export function embedSnippet(urls: StoryUrls, title: string, lang: Lang): string {
  return [
    `<script src="${attr(urls.script)}"></script>`,
    `<iframe src="${attr(urls.frame)}" title="${attr(title)}" lang="${lang}" width="100%" height="${EMBED_HEIGHT}" loading="lazy" sandbox="${EMBED_SANDBOX}" style="border:0;display:block"></iframe>`,
  ].join('\n');
}
