import { html, type SafeHtml, trustedHtml } from '../html.js';
import { type InlineAsset, inlineAsset } from './inline-asset.js';

const stylesheet = inlineAsset('newsroom.css');

/** A finished page: the markup and the policy that allows exactly its inline script and style. */
export interface Page {
  html: string;
  contentSecurityPolicy: string;
}

export interface PageParts {
  title: string;
  body: SafeHtml;
  script: InlineAsset;
}

/** The shell both pages share. Nothing loads from elsewhere, so the policy can forbid everything else. */
export function layout({ title, body, script }: PageParts): Page {
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trustedHtml(stylesheet.source)}</style>
</head>
<body>
${body}
<script type="module">${trustedHtml(script.source)}</script>
</body>
</html>
`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src ${script.hash}`,
    `style-src ${stylesheet.hash}`,
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html: page.value, contentSecurityPolicy };
}
