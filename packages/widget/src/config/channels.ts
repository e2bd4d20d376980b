/** A channel as `GET /channels` lists it. */
export interface ChannelInfo {
  slug: string;
  name: string;
  description: string | null;
  isDefault: boolean;
}

/** The `channels` attribute: which channels to show, and which of them to tick already. */
export interface ChannelChoice {
  show: string[];
  preselect: string[];
}

/** Reads `channels="+sport culture"`: show Sport (ticked) and Culture. Spaces or commas separate. */
export function parseChannels(value: string | null): ChannelChoice | null {
  if (value === null || value.trim() === '') return null;
  const show: string[] = [];
  const preselect: string[] = [];
  for (const item of value.split(/[\s,]+/).filter(Boolean)) {
    const slug = item.replace(/^\+/, '');
    if (!slug || show.includes(slug)) continue;
    show.push(slug);
    if (item.startsWith('+')) preselect.push(slug);
  }
  return { show, preselect };
}

/** A checkbox the form shows. The default channel is always shown, ticked and fixed: everyone gets it. */
export interface ChannelOption extends ChannelInfo {
  checked: boolean;
  fixed: boolean;
}

/** The checkboxes: the default channel first, then the chosen ones in the page's order (else the server's). */
export function channelOptions(
  server: readonly ChannelInfo[],
  choice: ChannelChoice | null,
): ChannelOption[] {
  const defaults = server.filter((c) => c.isDefault);
  const others = server.filter((c) => !c.isDefault);
  const shown = choice ? choice.show.flatMap((slug) => others.filter((c) => c.slug === slug)) : others;
  return [
    ...defaults.map((c) => ({ ...c, checked: true, fixed: true })),
    ...shown.map((c) => ({ ...c, checked: choice?.preselect.includes(c.slug) ?? false, fixed: false })),
  ];
}
