import { h } from '../dom.js';
import { type Step, stepHeading, stepRoot } from './step.js';

/** While `GET /channels` is on its way. */
export function loadingStep(text: string): Step {
  const heading = stepHeading(text, 'tidings-loading');
  return { root: stepRoot('loading', heading), heading };
}

/** A step that says one thing and offers one button: load failed, expired, confirmed. */
export function messageStep(
  name: string,
  title: string,
  lines: string[],
  action: { label: string; onClick: () => void } | null,
): Step {
  const heading = stepHeading(title, `tidings-${name}`);
  const button =
    action &&
    h('button', { type: 'button', class: 'secondary', part: `button ${name}-action` }, action.label);
  button?.addEventListener('click', action!.onClick);
  const root = stepRoot(
    name,
    heading,
    ...lines.map((line) => h('p', { part: `${name}-text` }, line)),
    button && h('div', { class: 'actions' }, button),
  );
  return { root, heading };
}
