/** The messengers the widget knows a label and an icon for. */
export type MessengerKind = 'whatsapp' | 'telegram' | 'messenger';

const kinds: readonly string[] = ['whatsapp', 'telegram', 'messenger'];

/** One entry of the `transports` attribute: a transport's name, and how to present it. */
export interface TransportChoice {
  name: string;
  kind: MessengerKind | null;
}

/** What `GET /channels` says about a transport. */
export interface ServerTransport {
  name: string;
  addressKind: 'phone' | 'opaque';
}

/** A messenger the widget offers: the server's facts and the page's presentation. */
export interface OfferedTransport extends ServerTransport {
  kind: MessengerKind | null;
}

/** The kind a transport's name suggests (`whatsapp`, `telegram-eu`, …), or null. */
export function kindFromName(name: string): MessengerKind | null {
  const lower = name.toLowerCase();
  return (kinds.find((k) => lower.includes(k)) as MessengerKind | undefined) ?? null;
}

/**
 * Reads `transports="whatsapp telegram"` or, for transports named otherwise, `name=kind` pairs:
 * `transports="sandbox=whatsapp sandbox-tg=telegram"`. Order is the order offered. Separators: spaces or commas.
 */
export function parseTransports(value: string | null): TransportChoice[] | null {
  if (value === null || value.trim() === '') return null;
  const seen = new Set<string>();
  const choices: TransportChoice[] = [];
  for (const item of value.split(/[\s,]+/).filter(Boolean)) {
    const [name = '', given] = item.split('=', 2);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const kind = given && kinds.includes(given.toLowerCase()) ? (given.toLowerCase() as MessengerKind) : null;
    choices.push({ name, kind: kind ?? kindFromName(name) });
  }
  return choices;
}

/**
 * The messengers to offer: those the page asked for, in its order, that the server has; all of the server's
 * when the page named none.
 */
export function offeredTransports(
  choices: TransportChoice[] | null,
  server: readonly ServerTransport[],
): OfferedTransport[] {
  if (!choices) return server.map((t) => ({ ...t, kind: kindFromName(t.name) }));
  return choices.flatMap((choice) => {
    const found = server.find((t) => t.name === choice.name);
    return found ? [{ ...found, kind: choice.kind }] : [];
  });
}
