import { h } from '../dom.js';

/** A rendered step: its root and the heading that gets focus when the step opens. */
export interface Step {
  root: HTMLElement;
  heading: HTMLElement;
}

/** A step's heading: focusable by script (not by Tab), so focus can move to it when the step opens. */
export function stepHeading(text: string, id: string): HTMLHeadingElement {
  return h('h2', { id, tabindex: '-1', part: 'heading' }, text);
}

/** A step's section, named by its heading. */
export function stepRoot(
  name: string,
  heading: HTMLElement,
  ...children: (Node | null | false)[]
): HTMLElement {
  return h(
    'section',
    { class: `step step-${name}`, part: `step step-${name}`, 'aria-labelledby': heading.id },
    heading,
    ...children,
  );
}
