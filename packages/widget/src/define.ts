import { TidingsOptin } from './element/tidings-optin.js';

/**
 * Registers the element under `tagName` (default `tidings-optin`); does nothing when that name is taken
 * already, so two copies of the widget on one page do not throw.
 *
 * @example
 * import { defineTidingsOptin } from '@tidings/widget';
 * defineTidingsOptin();
 */
export function defineTidingsOptin(tagName = 'tidings-optin'): void {
  if (customElements.get(tagName)) return;
  // A subclass per extra name: one constructor cannot be registered twice.
  customElements.define(tagName, tagName === 'tidings-optin' ? TidingsOptin : class extends TidingsOptin {});
}
