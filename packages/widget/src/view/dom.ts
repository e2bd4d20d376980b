type Attrs = Record<string, string | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * Creates an element: `h('p', { part: 'hint', id }, 'text')`. Attributes that are false, null or undefined
 * are left out; true sets an empty attribute. Text children are text nodes, never parsed as markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

const svgNs = 'http://www.w3.org/2000/svg';

/** A decorative 24×24 icon from one path. */
export function icon(d: string): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('part', 'icon');
  const path = document.createElementNS(svgNs, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
