import { useState } from 'preact/hooks';
import type { Agent, CannedAnswer } from '../types.js';
import { useApi } from '../use-api.js';
import { emptyTemplate, TemplateFields, toTemplate } from './template-fields.js';

type Send = (suffix: string, body: unknown) => Promise<boolean>;
type Mode = 'reply' | 'note' | 'hand-over';

/**
 * Reply (a canned answer fills the text; sent unchanged it goes as the canned answer, so the library fills its
 * placeholders), an internal note, or a hand-over with a note for the colleague.
 */
export function Composer({
  agent,
  agents,
  send,
  window,
}: {
  agent: string;
  agents: Agent[];
  send: Send;
  /** The conversation's reply window: `template` asks for the template that goes out instead. */
  window: string;
}) {
  const canned = useApi<{ items: CannedAnswer[] }>('/canned').data?.items ?? [];
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<CannedAnswer | null>(null);
  const [to, setTo] = useState('');
  const [template, setTemplate] = useState(emptyTemplate);
  const needsTemplate = mode === 'reply' && window === 'template';
  if (!agent) return <p class="hint">Pick who you are (above) to reply, write notes and hand over.</p>;
  const submit = async (event: Event) => {
    event.preventDefault();
    const withTemplate = needsTemplate ? { template: toTemplate(template) } : {};
    const body =
      mode === 'reply'
        ? picked && picked.text === text
          ? { canned: picked.id, agent, ...withTemplate }
          : { text, agent, ...withTemplate }
        : mode === 'note'
          ? { text, agent }
          : { to, note: text, by: agent };
    if (await send(mode, body)) {
      setText('');
      setPicked(null);
    }
  };
  return (
    <form class="composer" onSubmit={submit}>
      <fieldset class="tabs">
        <legend class="visually-hidden">Write</legend>
        {(['reply', 'note', 'hand-over'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
            {m === 'reply' ? 'Reply' : m === 'note' ? 'Internal note' : 'Hand over'}
          </button>
        ))}
      </fieldset>
      {mode === 'reply' && canned.length > 0 && (
        <label>
          Canned answer
          <select
            name="canned"
            value={picked?.id ?? ''}
            onChange={(e) => {
              const answer = canned.find((a) => a.id === e.currentTarget.value) ?? null;
              setPicked(answer);
              if (answer) setText(answer.text);
            }}
          >
            <option value="">—</option>
            {canned.map((a) => (
              <option key={a.id} value={a.id}>
                {a.shortcut} · {a.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {mode === 'hand-over' && (
        <label>
          To
          <select name="to" required value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            <option value="">—</option>
            {agents
              .filter((a) => a.id !== agent)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </select>
        </label>
      )}
      {needsTemplate && (
        <TemplateFields
          legend="Template sent instead (outside the reply window)"
          value={template}
          onChange={setTemplate}
          required
        />
      )}
      <textarea
        name="message"
        rows={3}
        required
        aria-label={mode === 'reply' ? 'Reply' : 'Note'}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit">
        {mode === 'reply' ? 'Send reply' : mode === 'note' ? 'Add note' : 'Hand over'}
      </button>
    </form>
  );
}
