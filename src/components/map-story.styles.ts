import { css } from 'lit';
import { sharedStyles } from './shared-styles.ts';

/** Layout of <map-story>: desktop text column beside a sticky map; phones a full-bleed map under text cards. */
export const storyStyles = [
  sharedStyles,
  css`
    :host { display: block; container-type: inline-size; --bar: 3.5rem; --column: min(32rem, 40vw); color: var(--ink); }
    /* The skip button sits in the bar, over the bar's controls while focused, and wraps within the bar at any text size. */
    .skip { position: absolute; inset-inline-start: 0.5rem; inset-block-start: 0.25rem; z-index: 20; box-sizing: border-box; max-inline-size: calc(100% - 1rem); max-block-size: calc(100% - 0.5rem); overflow: hidden; background: #fff; padding: 0.4rem 0.8rem; border: 0; border-radius: 6px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.25); color: #0b3d91; font-size: 1rem; line-height: 1.25; text-align: start; text-decoration: underline; cursor: pointer; }
    .skip:not(:focus) { inline-size: 1px; block-size: 1px; padding: 0; clip-path: inset(50%); white-space: nowrap; }
    .bar { position: sticky; inset-block-start: 0; z-index: 10; block-size: var(--bar); box-sizing: border-box; display: flex; align-items: center; gap: 0.75rem; padding-inline: 1rem; background: rgb(255 255 255 / 0.97); border-block-end: 1px solid #dcdfe3; }
    story-timeline { flex: 1; min-inline-size: 0; }
    .tools { display: flex; gap: 0.4rem; flex: none; }
    .tool { min-block-size: 32px; min-inline-size: 32px; padding: 0 0.6rem; border: 1px solid var(--rule); background: #fff; border-radius: 6px; cursor: pointer; color: var(--ink); font-size: 0.85rem; line-height: 1.2; }
    .tool.lang:lang(ar) { font-family: var(--font-arabic); }
    .tool-text { margin-inline-start: 0.3rem; }
    /* Narrow or large text (sizes in rem follow the reader's text size): the tools show their symbols only. */
    @container (max-width: 45rem) {
      .tool-text { display: none; }
      .tool { padding: 0 0.4rem; }
    }
    /* Narrower still: the timeline gets a row of its own and the tools go under it, so nothing overlaps. */
    @container (max-width: 21rem) {
      .bar, .graphic, .text, story-step { --bar: 5rem; }
      .bar { flex-wrap: wrap; align-content: center; row-gap: 0.25rem; padding-block: 0.25rem; }
      story-timeline { flex: 1 0 100%; }
      .tools { margin-inline-start: auto; }
    }
    .scrolly { display: grid; grid-template-columns: var(--column) 1fr; }
    .graphic { grid-column: 2; grid-row: 1; position: sticky; inset-block-start: var(--bar); block-size: calc(100dvh - var(--bar)); }
    .text { grid-column: 1; grid-row: 1; padding: 0 1.5rem 45dvh; background: var(--page-bg); outline: none; }
    .intro { padding-block: 3rem 25dvh; }
    h1 { font-size: 2rem; line-height: 1.15; margin: 0 0 0.75rem; }
    .dek { font-size: 1.1rem; line-height: 1.5; margin: 0 0 0.75rem; color: #33383e; }
    .dates { font-size: 0.85rem; font-weight: 700; color: var(--accent); margin: 0; }
    .pubdate { font-size: 0.8rem; color: var(--ink-muted); margin: 0.35rem 0 0; }
    story-step { padding-block: 22dvh; scroll-margin-block-start: var(--bar); }
    story-step:first-of-type { padding-block-start: 0; }

    @media (max-width: 699px) {
      :host { --bar: 3rem; }
      .bar { gap: 0.4rem; padding-inline: 0.5rem; }
      .scrolly { display: block; }
      .graphic { position: sticky; }
      .text { position: relative; z-index: 2; margin-block-start: calc(var(--bar) - 100dvh); padding: 0 0.75rem 50dvh; background: none; pointer-events: none; }
      .intro { pointer-events: auto; margin-block-start: 52dvh; padding: 1rem; background: rgb(255 255 255 / 0.96); border-radius: 8px; box-shadow: 0 1px 6px rgb(0 0 0 / 0.14); }
      h1 { font-size: 1.35rem; }
      .dek { font-size: 0.95rem; }
      story-step { pointer-events: auto; padding-block: 60dvh 0; }
      story-step:first-of-type { padding-block-start: 60dvh; }
    }

    /* Print: the text in one column, one step per page, each with its own still map (drawn by <story-step>). */
    @media print {
      .skip, .bar, .graphic { display: none !important; }
      .scrolly { display: block !important; }
      .text { margin: 0 !important; padding: 0 !important; background: none !important; }
      .intro { margin: 0 !important; padding: 0 0 1rem !important; box-shadow: none !important; background: none !important; }
      story-step, story-step:first-of-type { padding: 0 !important; break-before: page; }
      footer { break-before: page; }
    }
  `,
];
