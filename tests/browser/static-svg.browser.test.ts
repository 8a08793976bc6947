// parseStaticSvg: the still maps are fetched as text and placed in the page itself, so the parser is the only thing
// between the file and the page. It must keep the drawing and drop everything that could run, style the page or
// reach out: scripts, handlers, foreign content, links to other resources, style.
import { describe, expect, it } from 'vitest';
import { parseStaticSvg } from '../../src/components/static-map.ts';

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
const svg = (body: string, attrs = '') => `<svg xmlns="${SVG}" xmlns:xlink="${XLINK}" viewBox="0 0 100 100"${attrs}>${body}</svg>`;

function parsed(text: string): SVGSVGElement {
  const el = parseStaticSvg(text);
  if (!el) throw new Error(`not parsed: ${text}`);
  return el;
}

/** Every element in the tree, the root included. */
const everything = (root: Element): Element[] => [root, ...root.querySelectorAll('*')];

/** `tag[attribute]` for every attribute of the tree whose local name is one of these (any prefix, any namespace). */
function attributesNamed(root: Element, test: (localName: string) => boolean): string[] {
  return everything(root).flatMap((el) =>
    [...el.attributes].filter((a) => test(a.localName.toLowerCase())).map((a) => `${el.localName}[${a.name}=${a.value}]`),
  );
}

describe('parseStaticSvg keeps the drawing', () => {
  const map = svg(
    `<title>Map of the region</title>
     <defs><path id="arrow" d="M0 0 L10 5 L0 10 z"/></defs>
     <g class="land" fill="#e8e4d8" stroke="#999" stroke-width="0.5" transform="translate(1 2)">
       <path d="M10 10 H90 V90 H10 Z" fill-rule="evenodd"/>
       <rect x="5" y="5" width="10" height="10" rx="2"/>
       <circle cx="50" cy="50" r="3" fill="#c00"/>
       <use href="#arrow" x="20" y="20"/>
       <use xlink:href="#arrow" x="30" y="30"/>
     </g>
     <text x="50" y="40" font-size="4" text-anchor="middle" lang="ar" direction="rtl">الحسكة<tspan dx="2" font-weight="bold">Hasakah</tspan></text>`,
  );

  it('with every drawing element, attribute and text as they were', () => {
    const source = new DOMParser().parseFromString(map, 'image/svg+xml').documentElement;
    const out = parsed(map);
    expect(out).toBeInstanceOf(SVGSVGElement);
    const xml = new XMLSerializer();
    expect(xml.serializeToString(out)).toBe(xml.serializeToString(source));
    expect(out.querySelectorAll('path, rect, circle, use, text, tspan')).toHaveLength(8);
    expect(out.querySelector('text')!.textContent).toBe('الحسكةHasakah');
    expect(out.getAttribute('viewBox')).toBe('0 0 100 100');
  });

  it('as an element of this page, which draws when placed in it', () => {
    const out = parsed(map);
    expect(out.ownerDocument).toBe(document);
    document.body.append(out);
    try {
      const box = out.querySelector<SVGPathElement>('g.land > path')!.getBBox();
      expect(box.width).toBeCloseTo(80);
      expect(out.querySelector<SVGUseElement>('use')!.href.baseVal).toBe('#arrow');
    } finally {
      out.remove();
    }
  });
});

describe('parseStaticSvg drops what could run, style the page or reach out', () => {
  const dropped: [string, string, string][] = [
    ['a script', `<script>window.__pwned = 1</script>`, 'script'],
    ['an XHTML script', `<h:script xmlns:h="http://www.w3.org/1999/xhtml">window.__pwned = 1</h:script>`, 'script'],
    [
      'foreign HTML content',
      `<foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.__pwned=1"/></div></foreignObject>`,
      'foreignObject',
    ],
    ['a link', `<a href="https://example.com/"><path d="M0 0 H1"/></a>`, 'a'],
    ['an image from elsewhere', `<image href="https://example.com/pixel.png" width="1" height="1"/>`, 'image'],
    ['a style sheet', `<style>* { display: none }</style>`, 'style'],
    ['an animation that sets a link', `<set attributeName="href" to="javascript:alert(1)"/>`, 'set'],
    ['an animation', `<animate attributeName="x" from="0" to="100" dur="1s"/>`, 'animate'],
    ['a nested document', `<iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"></iframe>`, 'iframe'],
    ['a filter', `<filter id="f"><feImage href="https://example.com/x.svg"/></filter>`, 'filter'],
  ];

  it.each(dropped)('removes %s, with its content', (_name, markup, tag) => {
    const out = parsed(svg(`<g>${markup}<path d="M1 1 H2"/></g>`));
    const tags = everything(out).map((el) => el.localName);
    expect(tags).not.toContain(tag);
    expect(tags).toEqual(['svg', 'g', 'path']);
    expect(out.textContent).not.toContain('pwned');
  });

  it('removes inline event handlers from every element below the root', () => {
    const out = parsed(svg(`<g onclick="window.__pwned=1" ONMOUSEOVER="x"><path onload="x" onfocusin="x" d="M0 0 H1"/></g><text onclick="x">a</text>`));
    expect(attributesNamed(out, (name) => name.startsWith('on'))).toEqual([]);
    expect(out.querySelector('path')!.getAttribute('d')).toBe('M0 0 H1');
  });

  it('removes style attributes', () => {
    const out = parsed(svg(`<g style="display:none"><path style="fill:url(https://example.com/x)" d="M0 0 H1"/></g>`));
    expect(attributesNamed(out, (name) => name === 'style')).toEqual([]);
  });

  it('removes links out of the image and keeps links inside it', () => {
    const out = parsed(
      svg(`<path id="p" d="M0 0 H1"/>
        <use href="https://example.com/sprite.svg#p"/>
        <use xlink:href="javascript:alert(1)"/>
        <use href="data:image/svg+xml,&lt;svg/&gt;"/>
        <use href="/other.svg#p"/>
        <use href="#p"/>`),
    );
    expect(attributesNamed(out, (name) => name === 'href').map((a) => a.replace(/^use\[(xlink:)?href=/, '['))).toEqual(['[#p]']);
  });

  // The contract reaches the root element and every spelling of an XLink link.
  it('removes handlers and style from the root <svg> element too', () => {
    const out = parsed(svg('<path d="M0 0 H1"/>', ' onload="window.__pwned=1" style="position:fixed;inset:0"'));
    expect(attributesNamed(out, (name) => name.startsWith('on') || name === 'style')).toEqual([]);
  });

  it('removes an XLink link out written with another prefix', () => {
    const out = parsed(svg(`<use xmlns:x="${XLINK}" x:href="https://example.com/sprite.svg#p"/>`));
    expect(attributesNamed(out, (name) => name === 'href')).toEqual([]);
  });
});

describe('parseStaticSvg refuses what is not an SVG image', () => {
  it.each([
    ['empty text', ''],
    ['HTML', '<!doctype html><html><body><svg xmlns="http://www.w3.org/2000/svg"></svg></body></html>'],
    ['an XHTML document', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'],
    ['an <svg> without the SVG namespace', '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>'],
    ['malformed XML', `<svg xmlns="${SVG}"><g><path d="M0 0"></g></svg>`],
    ['an SVG with text after the root', `${svg('<path d="M0 0"/>')}<script>1</script>`],
    ['JSON', '{"error":"<img src=x onerror=alert(1)>"}'],
    ['a 404 page', 'Not found'],
  ])('returns null for %s', (_name, text) => {
    expect(parseStaticSvg(text)).toBeNull();
  });
});
