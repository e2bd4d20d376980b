import { useState } from 'preact/hooks';
import { FilterSelect } from '../filter-select.js';
import { useLive } from '../live.js';
import { Pager, useCursor } from '../pager.js';
import type { Agent, Channel, Conversation, Page, TransportView } from '../types.js';
import { messenger, when } from '../types.js';
import { useApi } from '../use-api.js';
import { ConversationView } from './conversation.js';
import { InboxSettings } from './inbox-settings.js';

const filters = [
  ['all', 'All'],
  ['mine', 'Mine'],
  ['unassigned', 'Unassigned'],
  ['unread', 'Unread'],
] as const;

const preview = (c: Conversation) =>
  c.lastMessage?.kind === 'call'
    ? 'Incoming call'
    : (c.lastMessage?.content.text ?? c.lastMessage?.content.media?.kind ?? '');

/** The shared inbox: conversations on the left, the open one on the right; everyone's work shows up live. */
export function Inbox({
  contactId,
  agent,
  setAgent,
}: {
  contactId: string | undefined;
  agent: string;
  setAgent: (id: string) => void;
}) {
  const [show, setShow] = useState<(typeof filters)[number][0]>('all');
  const agents = useApi<{ items: Agent[] }>('/agents');
  const [transport, setTransport] = useState('');
  const [channel, setChannel] = useState('');
  const transports = useApi<{ items: TransportView[] }>('/transports').data?.items ?? [];
  const channels = useApi<{ items: Channel[] }>('/channels').data?.items ?? [];
  const paging = useCursor();
  const query = new URLSearchParams({
    show,
    ...(transport ? { transport } : {}),
    ...(channel ? { channel } : {}),
    ...(agent ? { agent } : {}),
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
  });
  const list = useApi<Page<Conversation>>(`/inbox?${query}`);
  useLive((event) => {
    if (/^(conversation|message|call|delivery|contact)\./.test(event.type)) list.reload();
    if (event.type === 'agent.updated') agents.reload();
  });
  return (
    <section class="inbox">
      <div class="bar">
        <h1>Inbox</h1>
        <label>
          You are
          <select name="agent" value={agent} onChange={(e) => setAgent(e.currentTarget.value)}>
            <option value="">(pick an agent)</option>
            {agents.data?.items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.available ? '' : ' (away)'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <InboxSettings me={agents.data?.items.find((a) => a.id === agent)} onChange={agents.reload} />
      <div class="split">
        <aside>
          <fieldset class="tabs">
            <legend class="visually-hidden">Show</legend>
            {filters.map(([id, label]) => (
              <button
                key={id}
                type="button"
                aria-pressed={show === id}
                onClick={() => {
                  setShow(id);
                  paging.reset();
                }}
              >
                {label}
              </button>
            ))}
          </fieldset>
          <div class="filters">
            <FilterSelect
              label="Messenger"
              value={transport}
              options={transports.map((t) => [t.name, messenger(t.name)])}
              onChange={(v) => {
                setTransport(v);
                paging.reset();
              }}
            />
            <FilterSelect
              label="Channel"
              value={channel}
              options={channels.map((c) => [c.slug, c.name])}
              onChange={(v) => {
                setChannel(v);
                paging.reset();
              }}
            />
          </div>
          {list.error && <p class="error">{list.error.message}</p>}
          <ul class="conversations">
            {list.data?.items.length === 0 && <li>No conversations.</li>}
            {list.data?.items.map((c) => (
              <li
                key={c.contact.id}
                data-conversation={c.contact.id}
                data-unread={c.unread}
                aria-current={c.contact.id === contactId ? 'true' : undefined}
              >
                <a class="item" href={`#/inbox/${c.contact.id}`}>
                  <strong>{c.contact.name ?? c.contact.address}</strong>
                  {c.unread > 0 && <span class="badge">{c.unread}</span>}
                  <small class="meta">
                    {messenger(c.contact.transport)} · {when(c.lastActivityAt)}
                    {c.assignee ? ` · ${c.assignee.name}` : ''}
                  </small>
                  <span class="snippet">{preview(c)}</span>
                </a>
              </li>
            ))}
          </ul>
          {list.data && <Pager paging={paging} nextCursor={list.data.nextCursor} />}
        </aside>
        {contactId ? (
          <ConversationView
            key={contactId}
            contactId={contactId}
            agent={agent}
            agents={agents.data?.items ?? []}
          />
        ) : (
          <p class="hint">Pick a conversation.</p>
        )}
      </div>
    </section>
  );
}
