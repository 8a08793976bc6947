import { css } from 'lit';

/** Small rules every element shares: hidden-but-read text and a visible focus ring. */
export const sharedStyles = css`
  .visually-hidden { position: absolute !important; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  button { font: inherit; }
`;
