import type { Lang } from '../story/types.ts';

/**
 * The edition this page was published as: the language of its HTML as served (`ar/index.html` is Arabic), read
 * once when the code loads, before the story sets <html lang> to the language it shows. `?lang` overrides it.
 */
export const EDITION: Lang = document.documentElement.lang === 'ar' ? 'ar' : 'en';
