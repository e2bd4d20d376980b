import { styles } from './styles.js';

let sheet: CSSStyleSheet | null = null;

/** Constructed once and shared by every instance; constructed sheets are not subject to a page's CSP. */
export function styleSheet(): CSSStyleSheet | null {
  if (sheet || typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype))
    return sheet;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(styles);
  return sheet;
}
