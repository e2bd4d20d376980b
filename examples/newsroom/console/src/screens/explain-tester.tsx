import { useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import type { Explanation, TransportView } from '../types.js';
import { messenger } from '../types.js';
import { useApi } from '../use-api.js';

/** "Which rules would this message run, and why?" against the saved rules (F32), without running anything. */
export function ExplainTester() {
  const transports = useApi<{ items: TransportView[] }>('/transports').data?.items ?? [];
  const [text, setText] = useState('');
  const [transport, setTransport] = useState('');
  const [from, setFrom] = useState('');
  const [result, setResult] = useState<Explanation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const explain = async (event: Event) => {
    event.preventDefault();
    try {
      setResult(
        await api<Explanation>('POST', '/rules/explain', {
          text,
          ...(transport ? { transport } : {}),
          ...(from ? { from } : {}),
        }),
      );
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div class="explain">
      <h2>Explain a message</h2>
      <form onSubmit={explain}>
        <label>
          Message
          <input name="explain-text" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label>
          Messenger
          <select value={transport} onChange={(e) => setTransport(e.currentTarget.value)}>
            <option value="">(the first)</option>
            {transports.map((t) => (
              <option key={t.name} value={t.name}>
                {messenger(t.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From (a known contact's address, optional)
          <input value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <button type="submit">Explain</button>
      </form>
      {problem && <p class="error">{problem}</p>}
      {result && (
        <ol class="explanation" data-testid="explanation">
          {result.rules.length === 0 && <li>No rules are saved.</li>}
          {result.rules.map((r) => (
            <li key={r.index} class={r.runs ? 'runs' : ''} data-runs={r.runs}>
              <code>
                line {r.line}: {r.source}
              </code>
              <br />
              {r.runs ? 'runs' : 'does not run'} — {r.why}
              {r.runs && r.actions.length > 0 && <small> ({r.actions.join('; ')})</small>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
