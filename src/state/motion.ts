const KEY = 'map-story:motion';

/** Whether scenes may move: the reader's saved choice wins, then the system's reduced-motion setting. */
export function motionAllowed(): boolean {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    saved = null;
  }
  if (saved === 'on') return true;
  if (saved === 'off') return false;
  return !matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function saveMotion(allowed: boolean): void {
  try {
    localStorage.setItem(KEY, allowed ? 'on' : 'off');
  } catch {
    /* storage may be blocked in a third-party iframe; the choice then lasts for this page only */
  }
}
