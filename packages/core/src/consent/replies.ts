/** The texts Tidings sends on its own, per language. Every one can be overridden in `createTidings({ replies })`. */
export interface ReplyTexts {
  /** After STOP: the only message an unsubscribed contact gets. */
  unsubscribed: string;
  /** After "Stop <channel>". `{channels}` lists the names. */
  channelsLeft: string;
  /** After confirmation when there is no default channel with a welcome. */
  confirmed: string;
  /** The consent notice the widget shows and the ledger records (F8). `{business}` is the business's name. */
  notice: string;
}

export const defaultReplies: Record<'en' | 'de', ReplyTexts> = {
  en: {
    unsubscribed: "You're unsubscribed and will get no more messages from us. Send START to join again.",
    channelsLeft: "You've left {channels}. Send STOP to leave everything.",
    confirmed: "You're subscribed. Send STOP at any time to unsubscribe.",
    notice:
      'I agree to receive news from {business} in this messenger. I can unsubscribe at any time by sending "Stop".',
  },
  de: {
    unsubscribed:
      'Du bist abgemeldet und bekommst keine Nachrichten mehr von uns. Sende START, um dich wieder anzumelden.',
    channelsLeft: 'Du hast {channels} verlassen. Sende STOP, um dich von allem abzumelden.',
    confirmed: 'Du bist angemeldet. Sende jederzeit STOP, um dich abzumelden.',
    notice:
      'Ich möchte Neuigkeiten von {business} in diesem Messenger erhalten. Ich kann mich jederzeit mit „Stop“ abmelden.',
  },
};

/** Replaces `{name}` style placeholders; unknown ones stay as they are. */
export function fillPlaceholders(text: string, values: Record<string, string | null | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
