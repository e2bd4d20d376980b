/**
 * What a rule's reply may fill in: `{name}` the contact's name (empty when unknown), `{business}` the
 * business's name, `{channel}` the channel a subscription trigger is about, `{transport}` the messenger.
 */
export const replyPlaceholders = ['name', 'business', 'channel', 'transport'] as const;

export type ReplyValues = Record<(typeof replyPlaceholders)[number], string>;

/** The `{placeholders}` in a text that a reply cannot fill: a typo such as `{nmae}` is caught at check time. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(replyPlaceholders);
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => !known.has(name));
}

/**
 * Fills a rule's reply. An empty value takes the space before it along, so "Hallo {name}, willkommen!"
 * reads "Hallo, willkommen!" for a contact whose name is unknown.
 */
export function fillReply(text: string, values: ReplyValues): string {
  return text.replace(/( ?)\{(\w+)\}/g, (whole, space: string, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name as keyof ReplyValues];
    return value ? `${space}${value}` : '';
  });
}
