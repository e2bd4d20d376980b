import { html, type SafeHtml, trustedHtml } from '../html.js';
import { type InlineAsset, inlineAsset } from './inline-asset.js';

const stylesheet = inlineAsset('newsroom.css');

/** A finished page: the markup and the policy that allows exactly its scripts and style. */
export interface Page {
  html: string;
  contentSecurityPolicy: string;
}

export interface PageParts {
  title: string;
  body: SafeHtml;
  /** The page's own script, inlined. */
  script?: InlineAsset;
  /** A module script served by this server, e.g. the widget. */
  moduleSrc?: string;
  lang?: string;
}

/** The shell every page shares. Nothing loads from elsewhere, so the policy can forbid everything else. */
export function layout({ title, body, script, moduleSrc, lang = 'en' }: PageParts): Page {
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${trustedHtml(stylesheet.source)}</style>
${moduleSrc ? html`<script type="module" src="${moduleSrc}"></script>` : ''}
</head>
<body>
${body}
${script ? html`<script type="module">${trustedHtml(script.source)}</script>` : ''}
</body>
</html>
`;
  const scriptSources = [script?.hash, moduleSrc ? "'self'" : undefined].filter(Boolean);
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src ${scriptSources.join(' ') || "'none'"}`,
    `style-src ${stylesheet.hash}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html: page.value, contentSecurityPolicy };
}
