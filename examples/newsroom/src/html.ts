/** HTML that is already safe: made by `html` or `trustedHtml`, inserted as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * A template tag that escapes every inserted value, so a query parameter or a channel name can never
 * become markup; only `SafeHtml` (other `html` fragments) goes in unescaped.
 *
 * @example html`<p>${userText}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, part, i) => out + render(values[i - 1] as Value) + part));
}

/** Marks markup written by us as safe. Never pass it anything that came from a request. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
