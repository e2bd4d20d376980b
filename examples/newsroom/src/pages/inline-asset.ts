import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A script or stylesheet inlined into a page, with the hash the Content-Security-Policy allows it by. */
export interface InlineAsset {
  source: string;
  /** `'sha256-…'`, ready for `script-src` / `style-src`. */
  hash: string;
}

/**
 * Reads a file next to this module once, at start. Inlining keeps the demo to two pages and nothing else
 * to serve; the files stay real `.js`/`.css` so the linter and type checker see them.
 */
export function inlineAsset(fileName: string): InlineAsset {
  const source = readFileSync(new URL(fileName, import.meta.url), 'utf8');
  // The HTML parser ends a script or style element at the first closing tag, whatever the code means.
  if (/<\/(script|style)/i.test(source))
    throw new Error(`${fileName} must not contain a closing script or style tag.`);
  return { source, hash: `'sha256-${createHash('sha256').update(source).digest('base64')}'` };
}
