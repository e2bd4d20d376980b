/** One account a transport sends from: a WhatsApp number, a Telegram bot, a Messenger page (F34). */
export interface SenderAccount {
  /** Stable id, unique within its transport (phone number id, bot username, page id). */
  id: string;
  /** What a person sees or saves: the display number, `@bot`, the page name. */
  display: string;
  /** How many contacts this sender may hold; new sign-ups go elsewhere once full. */
  capacity: number;
}
