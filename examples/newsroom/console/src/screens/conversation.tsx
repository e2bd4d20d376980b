import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import { useLive } from '../live.js';
import type { Agent, Conversation, Message } from '../types.js';
import { messenger, when } from '../types.js';
import { useApi } from '../use-api.js';
import { Composer } from './composer.js';

const windowText: Record<string, string> = {
  unlimited: 'no reply window on this messenger',
  open: 'reply window open',
  'human-agent': 'past 24 hours: staff replies only (human agent)',
  template: 'past 24 hours: only a template may go out',
  closed: 'reply window closed until they write again',
};

/** What a message says, in words: its text, its template (name and parameters) or the kind of its media. */
function contentText(m: Message): string {
  const { text, template, media } = m.content;
  if (text) return text;
  if (template) return `Template ${template.name} (${template.language}): ${template.parameters.join(', ')}`;
  return media ? `[${media.kind}]${media.caption ? ` ${media.caption}` : ''}` : '';
}

function Entry({ m }: { m: Message }) {
  const who =
    m.kind === 'note' ? `note by ${m.agentId}` : m.direction === 'in' ? 'them' : (m.agentId ?? m.purpose);
  return (
    <li
      class={`msg msg-${m.kind === 'note' ? 'note' : m.direction}`}
      data-kind={m.kind}
      data-status={m.status}
    >
      <div>{m.kind === 'call' ? 'Incoming call' : contentText(m)}</div>
      <small class="meta">
        {who} · {when(m.at)} · {m.status}
      </small>
    </li>
  );
}

/** One conversation: history, reply window, assignment and hand-over, notes; marked read when opened. */
export function ConversationView({
  contactId,
  agent,
  agents,
}: {
  contactId: string;
  agent: string;
  agents: Agent[];
}) {
  const path = `/inbox/${encodeURIComponent(contactId)}`;
  const { data, error, reload } = useApi<{ conversation: Conversation; history: Message[] }>(path);
  const [problem, setProblem] = useState<string | null>(null);
  useLive((event) => {
    if (event.contactId === contactId) reload();
  });
  const unread = data?.conversation.unread ?? 0;
  useEffect(() => {
    if (unread > 0) void api('POST', `${path}/read`, agent ? { agent } : {});
  }, [unread]);
  const call = async (suffix: string, body: unknown) => {
    try {
      await api('POST', `${path}/${suffix}`, body);
      setProblem(null);
      reload();
      return true;
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
      return false;
    }
  };
  if (error) return <p class="error">{error.message}</p>;
  if (!data) return <p class="loading">Loading…</p>;
  const { conversation: c, history } = data;
  const by = agent ? { by: agent } : {};
  return (
    <article class="conversation" data-contact={contactId} data-assignee={c.assignee?.id ?? ''}>
      <header>
        <h2>{c.contact.name ?? c.contact.address}</h2>
        <small>
          {c.contact.address} · {messenger(c.contact.transport)} · {c.contact.state} ·{' '}
          <span data-window={c.window.status}>{windowText[c.window.status]}</span>
          {c.window.until !== null && ` until ${when(c.window.until)}`}
        </small>
        <label>
          Assigned to
          <select
            name="assignee"
            value={c.assignee?.id ?? ''}
            onChange={(e) => call('assign', { agent: e.currentTarget.value || null, ...by })}
          >
            <option value="">nobody</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        {agent && c.assignee?.id !== agent && (
          <button type="button" onClick={() => call('assign', { agent, ...by })}>
            Assign to me
          </button>
        )}
      </header>
      <ol class="history">
        {[...history].reverse().map((m) => (
          <Entry key={m.id} m={m} />
        ))}
      </ol>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {(c.window.status === 'closed' || c.window.status === 'template') && (
        <p class="hint" data-testid="window-hint">
          {c.window.status === 'closed'
            ? 'No reply can go out until they write again; notes and hand-overs still work.'
            : 'Only an approved template can go out now: name it below.'}
        </p>
      )}
      <Composer agent={agent} agents={agents} send={call} window={c.window.status} />
    </article>
  );
}
