import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import { go } from '../route.js';
import type { BroadcastView, Channel, PreflightReport, TransportView } from '../types.js';
import { messenger } from '../types.js';
import { useApi } from '../use-api.js';
import { PreflightView } from './preflight-report.js';
import { Previews } from './preview.js';
import { emptyTemplate, TemplateFields, toTemplate } from './template-fields.js';

type When = 'now' | 'later' | 'draft';

const toggle = (list: string[], item: string) =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

/** Compose a broadcast: text, audience, time; a preview per messenger and the preflight report as you type. */
export function Compose() {
  const channels = useApi<{ items: Channel[] }>('/channels').data?.items ?? [];
  const transports = useApi<{ items: TransportView[] }>('/transports').data?.items ?? [];
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [on, setOn] = useState<string[]>([]);
  const [tracking, setTracking] = useState('off');
  const [when, setWhen] = useState<When>('now');
  const [at, setAt] = useState('');
  const [template, setTemplate] = useState(emptyTemplate);
  const [report, setReport] = useState<PreflightReport | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const input = {
    ...(name.trim() ? { name: name.trim() } : {}),
    content: {
      text,
      // For recipients outside the messenger's reply window (WhatsApp after 24 hours), where it has templates.
      ...(toTemplate(template) ? { template: toTemplate(template) } : {}),
    },
    audience: { ...(picked.length ? { channels: picked } : {}), ...(on.length ? { transports: on } : {}) },
    tracking,
    ...(when === 'now' ? { scheduledAt: 'now' } : {}),
    ...(when === 'later' && at ? { scheduledAt: new Date(at).getTime() } : {}),
  };
  const key = JSON.stringify(input.audience) + JSON.stringify(input.content);
  useEffect(() => {
    if (!text.trim()) return setReport(null);
    const timer = setTimeout(() => {
      api<PreflightReport>('POST', '/broadcasts/preflight', input).then(setReport, () => setReport(null));
    }, 250);
    return () => clearTimeout(timer);
  }, [key]);

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const created = await api<BroadcastView>('POST', '/broadcasts', input);
      go(`#/broadcasts/${created.broadcast.id}`);
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError(String(e), 0));
    }
  };
  const shown = on.length ? transports.filter((t) => on.includes(t.name)) : transports;
  return (
    <section class="compose">
      <p>
        <a href="#/broadcasts">← Broadcasts</a>
      </p>
      <h1>New broadcast</h1>
      <form onSubmit={submit} class="columns">
        <div>
          <label>
            Name (for you)
            <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            Message
            <textarea
              name="text"
              rows={6}
              required
              value={text}
              placeholder="Hello {name|there}! Today's briefing: …"
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <fieldset>
            <legend>Channels (none: every subscriber)</legend>
            {channels.map((c) => (
              <label key={c.slug} class="check">
                <input
                  type="checkbox"
                  name="channel"
                  value={c.slug}
                  checked={picked.includes(c.slug)}
                  onChange={() => setPicked(toggle(picked, c.slug))}
                />
                {c.name}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Messengers (none: all)</legend>
            {transports.map((t) => (
              <label key={t.name} class="check">
                <input
                  type="checkbox"
                  name="transport"
                  value={t.name}
                  checked={on.includes(t.name)}
                  onChange={() => setOn(toggle(on, t.name))}
                />
                {messenger(t.name)}
              </label>
            ))}
          </fieldset>
          <TemplateFields
            legend="Template for recipients outside the reply window (optional)"
            value={template}
            onChange={setTemplate}
          />
          <label>
            Link tracking
            <select name="tracking" value={tracking} onChange={(e) => setTracking(e.currentTarget.value)}>
              <option value="off">off</option>
              <option value="anonymous">anonymous (counts clicks)</option>
              <option value="individual">individual (who clicked)</option>
            </select>
          </label>
          <fieldset>
            <legend>When</legend>
            {(['now', 'later', 'draft'] as const).map((w) => (
              <label key={w} class="check">
                <input type="radio" name="when" value={w} checked={when === w} onChange={() => setWhen(w)} />
                {w === 'now' ? 'Send now' : w === 'later' ? 'Schedule' : 'Save as draft'}
              </label>
            ))}
            {when === 'later' && (
              <input
                type="datetime-local"
                name="at"
                required
                value={at}
                onInput={(e) => setAt(e.currentTarget.value)}
              />
            )}
          </fieldset>
          <button type="submit">
            {when === 'now' ? 'Send now' : when === 'later' ? 'Schedule' : 'Save draft'}
          </button>
          {problem && (
            <div class="error" role="alert">
              <p>{problem.message}</p>
              <ul>
                {problem.errors.map((i) => (
                  <li key={i.field}>
                    {i.field}: {i.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div>
          <h2>Preview</h2>
          <Previews text={text} transports={shown} sampleName="Alex" />
          {report && <PreflightView report={report} />}
        </div>
      </form>
    </section>
  );
}
