/**
 * A strict Content-Security-Policy for the built page, as a <meta> tag (the one place a static site controls):
 * no 'unsafe-inline', no 'unsafe-eval', nothing from another origin. MapLibre 6 and Lit run under it: styles come
 * from files or constructed style sheets, the map's worker is a file, data and fonts are same-origin.
 * `frame-ancestors` and the reporting directives cannot be set from a meta tag; the README lists the headers a host adds.
 * Build only: Vite's dev server injects inline scripts and styles for hot reload.
 */
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  // 'self', not 'none': Firefox checks <link rel="prefetch"> against default-src (there is no prefetch-src any
  // more), and the live map's files are prefetched. The manifest falls back to it too: WebKit does not know
  // manifest-src and warns about it on every page load. Every other kind of request has its own directive below.
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
};

export function cspContent(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** What the policy cannot allow: inline code or styles in the built page. Throws with the offending snippet. */
export function assertNoInline(html: string): void {
  const checks: [RegExp, string][] = [
    // A JSON-LD block is data, which no policy runs or blocks.
    [/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>/i, 'an inline <script>'],
    [/<style[\s>]/i, 'an inline <style>'],
    [/\sstyle\s*=/i, 'a style attribute'],
    [/\son[a-z]+\s*=/i, 'an inline event handler'],
    [/javascript:/i, 'a javascript: URL'],
  ];
  for (const [pattern, what] of checks) {
    const match = pattern.exec(html);
    if (match) throw new Error(`csp: index.html has ${what}, which the Content-Security-Policy blocks: ${html.slice(match.index, match.index + 80)}`);
  }
}

export function csp(): Plugin {
  return {
    name: 'csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        assertNoInline(html);
        // Right after the charset, before anything the policy governs.
        const meta = `<meta http-equiv="Content-Security-Policy" content="${cspContent()}" />`;
        const charset = /<meta charset=[^>]*>/i.exec(html);
        if (!charset) return html.replace(/<head>/i, `<head>\n    ${meta}`);
        const at = charset.index + charset[0].length;
        return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
      },
    },
  };
}
