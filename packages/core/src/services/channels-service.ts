import { z } from 'zod';
import { isReservedWord } from '../consent/vocabulary.js';
import { TidingsError } from '../errors/tidings-error.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import type { Channel } from '../model/channel.js';
import { normalizePhrase } from '../text/words.js';
import type { CoreContext } from './core-context.js';

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and dashes (max 63)');
const keyword = z.string().trim().min(1).max(64);

const fields = {
  slug,
  name: z.string().trim().min(1).max(100),
  description: z.string().max(500).nullish(),
  keywords: z.array(keyword).max(20),
  welcome: z.string().max(4096).nullish(),
  active: z.boolean(),
  isDefault: z.boolean(),
};
const createSchema = z.object({
  ...fields,
  keywords: fields.keywords.default([]),
  active: fields.active.default(true),
  isDefault: fields.isDefault.default(false),
});
// Built from the bare fields: in zod 4 `.partial()` would keep the defaults and an update would reset them.
const updateSchema = z.object(fields).partial();

export type ChannelInput = z.input<typeof createSchema>;
export type ChannelUpdate = z.input<typeof updateSchema>;

/** `tidings.channels`: the topics people subscribe to (F11–F14). */
export interface ChannelsApi {
  /** @example await tidings.channels.create({ slug: 'sport', name: 'Sport', keywords: ['SPORT'], welcome: 'Anpfiff!' }) */
  create(input: ChannelInput): Promise<Channel>;
  update(slugOrId: string, patch: ChannelUpdate): Promise<Channel>;
  get(slugOrId: string): Promise<Channel | null>;
  list(options?: { activeOnly?: boolean }): Promise<Channel[]>;
  remove(slugOrId: string): Promise<boolean>;
}

export function channelsApi(ctx: CoreContext): ChannelsApi {
  const { store, workspaceId } = ctx;

  const find = async (slugOrId: string) =>
    (await store.channels.getBySlug(workspaceId, slugOrId)) ??
    (await store.channels.get(workspaceId, slugOrId));

  const mustFind = async (slugOrId: string) => {
    const channel = await find(slugOrId);
    if (!channel)
      throw new TidingsError('UNKNOWN_CHANNEL', `No channel "${slugOrId}".`, {
        issues: [{ field: 'channel', message: 'unknown' }],
      });
    return channel;
  };

  /** Keywords are stored normalised and must be unique among channels and apart from START/STOP words. */
  const checkKeywords = async (keywords: string[], exceptId: string | null): Promise<string[]> => {
    const normal = keywords.map(normalizePhrase);
    const issues = normal.flatMap((k, i) => {
      if (!k) return [{ field: `keywords.${i}`, message: 'needs a letter or digit' }];
      if (isReservedWord(k, ctx.options.stopWords, ctx.options.startWords))
        return [{ field: `keywords.${i}`, message: `"${k}" is a START/STOP word` }];
      if (normal.indexOf(k) !== i) return [{ field: `keywords.${i}`, message: `"${k}" is listed twice` }];
      return [];
    });
    const others = (await store.channels.list(workspaceId)).filter((c) => c.id !== exceptId);
    normal.forEach((k, i) => {
      const owner = others.find((c) => c.keywords.includes(k));
      if (owner)
        issues.push({ field: `keywords.${i}`, message: `"${k}" belongs to channel "${owner.slug}"` });
    });
    if (issues.length) {
      throw new TidingsError(
        'CHANNEL_CONFLICT',
        `Invalid channel keywords — ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
        { issues },
      );
    }
    return normal;
  };

  const changed = (channel: Channel, event: 'channel.created' | 'channel.updated' | 'channel.removed') => {
    ctx.channels.invalidate();
    ctx.events.emit(event, { channel });
    return channel;
  };

  return {
    async create(input) {
      const parsed = parseOrThrow(createSchema, input, 'channel');
      const existing = await store.channels.list(workspaceId);
      if (existing.length >= ctx.options.maxChannels) {
        throw new TidingsError(
          'CHANNEL_LIMIT',
          `This workspace has the maximum of ${ctx.options.maxChannels} channels; raise maxChannels or remove one.`,
        );
      }
      const keywords = await checkKeywords(parsed.keywords, null);
      const channel = await store.channels.create(
        {
          workspaceId,
          slug: parsed.slug,
          name: parsed.name,
          description: parsed.description ?? null,
          keywords,
          welcome: parsed.welcome ?? null,
          active: parsed.active,
          isDefault: parsed.isDefault,
        },
        ctx.clock.now(),
      );
      return changed(channel, 'channel.created');
    },
    async update(slugOrId, patch) {
      const parsed = parseOrThrow(updateSchema, patch, 'channel update');
      const current = await mustFind(slugOrId);
      const next: Parameters<typeof store.channels.update>[2] = {};
      if (parsed.slug !== undefined) next.slug = parsed.slug;
      if (parsed.name !== undefined) next.name = parsed.name;
      if (parsed.description !== undefined) next.description = parsed.description ?? null;
      if (parsed.welcome !== undefined) next.welcome = parsed.welcome ?? null;
      if (parsed.active !== undefined) next.active = parsed.active;
      if (parsed.isDefault !== undefined) next.isDefault = parsed.isDefault;
      if (parsed.keywords !== undefined) next.keywords = await checkKeywords(parsed.keywords, current.id);
      const updated = await store.channels.update(workspaceId, current.id, next, ctx.clock.now());
      if (!updated) throw new TidingsError('UNKNOWN_CHANNEL', `Channel "${slugOrId}" was removed meanwhile.`);
      return changed(updated, 'channel.updated');
    },
    get: find,
    async list(options = {}) {
      const all = await store.channels.list(workspaceId);
      return options.activeOnly ? all.filter((c) => c.active) : all;
    },
    async remove(slugOrId) {
      const channel = await find(slugOrId);
      if (!channel || !(await store.channels.remove(workspaceId, channel.id))) return false;
      changed(channel, 'channel.removed');
      return true;
    },
  };
}
