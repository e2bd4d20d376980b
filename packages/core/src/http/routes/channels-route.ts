import { fillPlaceholders } from '../../consent/replies.js';
import type { Route } from './route-context.js';

/** `GET /channels`: what the widget shows: active channels, the consent notice, the messengers offered. */
export const listChannelsRoute: Route = async (_request, { core, url }) => {
  const { channels } = await core.channels.get();
  const lang = url.searchParams.get('lang') ?? core.options.defaultLocale;
  const replies =
    core.options.replies[lang] ??
    core.options.replies[core.options.defaultLocale] ??
    core.options.replies.en!;
  return Response.json({
    channels: channels
      .filter((c) => c.active)
      .map((c) => ({ slug: c.slug, name: c.name, description: c.description, isDefault: c.isDefault })),
    notice: fillPlaceholders(replies.notice, { business: core.options.businessName }),
    transports: [...core.transports.values()].map((t) => ({
      name: t.name,
      addressKind: t.capabilities.addressKind,
    })),
  });
};
