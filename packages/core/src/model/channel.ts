/** A topic a contact can subscribe to (F11). */
export interface Channel {
  id: string;
  workspaceId: string;
  slug: string;
  name: string;
  description: string | null;
  /** Words that subscribe when sent as the whole message (F12); stored normalised. */
  keywords: string[];
  welcome: string | null;
  /** An inactive channel ignores its keywords and takes no new subscribers (F14). */
  active: boolean;
  /** Every new subscriber joins the default channel; at most one channel is default. */
  isDefault: boolean;
  createdAt: number;
  updatedAt: number;
}

export type NewChannel = Omit<Channel, 'id' | 'createdAt' | 'updatedAt'>;
export type ChannelPatch = Partial<
  Pick<Channel, 'slug' | 'name' | 'description' | 'keywords' | 'welcome' | 'active' | 'isDefault'>
>;
