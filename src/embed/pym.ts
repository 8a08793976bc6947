/**
 * The child side of Pym.js 1.3 (NPR's responsive-iframe library), the few lines the story needs and nothing more:
 * no library is loaded. A Pym parent (`new pym.Parent(containerId, url, config)`) builds the frame with
 * `?initialWidth=<px>&childId=<containerId>` added to the address; the child answers with string messages
 * `pym` + D + id + D + type + D + message (D = `xPYMx`): here only `height`, the content's height in CSS pixels.
 * The parent sends `width` when its container's width changes (and whenever the host page asks); the child answers
 * with its height. Every other string, and anything that is not a string, is not a message for this child.
 */

export const PYM_DELIMITER = 'xPYMx';

/**
 * What a Pym container id may be here: an element id of letters, digits, `_`, `-`, `.` and `:`, not containing the
 * delimiter. Pym builds its parent's message pattern from the id unescaped, so other ids are of no use to a host.
 */
const CHILD_ID = /^[\w.:-]{1,128}$/;
const WIDTH = /^\d{1,5}$/;
const MAX_LENGTH = 300;

/** The id a Pym parent gave this frame (the `childId` parameter of the frame's address), or null when there is none. */
export function pymChildId(search: string): string | null {
  const id = new URLSearchParams(search).get('childId');
  return id !== null && CHILD_ID.test(id) && !id.includes(PYM_DELIMITER) ? id : null;
}

/** A message in Pym's own format. */
export function pymMessage(id: string, type: string, message: string): string {
  return ['pym', id, type, message].join(PYM_DELIMITER);
}

/** The width in a Pym parent's `width` message to this child (a whole number of CSS pixels), or null for anything else. */
export function readPymWidth(data: unknown, id: string): number | null {
  if (typeof data !== 'string' || data.length > MAX_LENGTH) return null;
  const prefix = pymMessage(id, 'width', '');
  if (!data.startsWith(prefix)) return null;
  const width = data.slice(prefix.length);
  return WIDTH.test(width) ? Number(width) : null;
}
