import { useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import { useLive } from '../live.js';
import type { Agent, CannedAnswer } from '../types.js';
import { useApi } from '../use-api.js';

type Form = Record<string, string>;

/** A small form whose fields are all text; `onSubmit` gets the values, the form empties on success. */
function AddForm({
  fields,
  submit,
  label,
}: {
  fields: [string, string][];
  submit: (f: Form) => Promise<unknown>;
  label: string;
}) {
  const empty = Object.fromEntries(fields.map(([key]) => [key, '']));
  const [form, setForm] = useState<Form>(empty);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (event: Event) => {
    event.preventDefault();
    try {
      await submit(form);
      setForm(empty);
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <form class="inline-form" onSubmit={send}>
      {fields.map(([key, text]) => (
        <label key={key}>
          {text}
          <input
            name={key}
            value={form[key]}
            onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
          />
        </label>
      ))}
      <button type="submit">{label}</button>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** The inbox's agents (with their sign-off and availability) and the canned answers they can send. */
export function Team() {
  const agents = useApi<{ items: Agent[] }>('/agents');
  const canned = useApi<{ items: CannedAnswer[] }>('/canned');
  useLive((event) => {
    if (event.type === 'agent.updated') agents.reload();
  });
  return (
    <section>
      <h1>Team</h1>
      <h2>Agents</h2>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Id (for rules: assign to …)</th>
            <th>Sign-off</th>
            <th>Available</th>
          </tr>
        </thead>
        <tbody>
          {agents.data?.items.map((a) => (
            <tr key={a.id} data-agent={a.id}>
              <td>{a.name}</td>
              <td>
                <code>{a.id}</code>
              </td>
              <td>{a.signature}</td>
              <td>{a.available ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddForm
        label="Add agent"
        fields={[
          ['id', 'Id'],
          ['name', 'Name'],
          ['signature', 'Sign-off (optional)'],
        ]}
        submit={async (f) => {
          await api('POST', '/agents', f);
          agents.reload();
        }}
      />
      <h2>Canned answers</h2>
      <table>
        <thead>
          <tr>
            <th>Shortcut</th>
            <th>Title</th>
            <th>Text</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {canned.data?.items.map((c) => (
            <tr key={c.id} data-canned={c.shortcut}>
              <td>
                <code>{c.shortcut}</code>
              </td>
              <td>{c.title}</td>
              <td>{c.text}</td>
              <td>
                <button
                  type="button"
                  class="link"
                  aria-label={`Remove ${c.shortcut}`}
                  onClick={() => api('DELETE', `/canned/${encodeURIComponent(c.id)}`).then(canned.reload)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddForm
        label="Add canned answer"
        fields={[
          ['shortcut', 'Shortcut (e.g. /late)'],
          ['title', 'Title'],
          ['text', 'Text ({name|there} is filled in)'],
        ]}
        submit={async (f) => {
          await api('POST', '/canned', f);
          canned.reload();
        }}
      />
    </section>
  );
}
