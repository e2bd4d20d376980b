import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { go } from '../route.js';
import type { ConsentEntry, Contact } from '../types.js';
import { messenger, when } from '../types.js';
import { useApi } from '../use-api.js';

interface ContactView {
  contact: Contact;
  channels: string[];
  consent: ConsentEntry[];
}

/** One contact: profile, channels, the consent ledger (F8), export as JSON and erase (F9). */
export function ContactDetail({ id }: { id: string }) {
  const path = `/contacts/${encodeURIComponent(id)}`;
  const { data, error } = useApi<ContactView>(path);
  const [confirming, setConfirming] = useState(false);
  if (error) return <p class="error">{error.message}</p>;
  if (!data) return <p class="loading">Loading…</p>;
  const { contact: c } = data;
  const erase = async () => {
    await api('DELETE', path);
    go('#/contacts');
  };
  return (
    <section>
      <p>
        <a href="#/contacts">← Contacts</a>
      </p>
      <h1>{c.name ?? c.address}</h1>
      <dl>
        <dt>Address</dt>
        <dd>
          {c.address} on {messenger(c.transport)}
        </dd>
        <dt>State</dt>
        <dd>
          {c.state}
          {c.blockedAt !== null && ` (blocked: ${c.blockedReason})`}
        </dd>
        <dt>Channels</dt>
        <dd>{data.channels.join(', ') || '—'}</dd>
        <dt>Last message</dt>
        <dd>{when(c.lastInboundAt)}</dd>
      </dl>
      <div class="actions">
        <a class="button" href={`/console/api${path}/export`} download>
          Export (JSON)
        </a>
        <a class="button" href={`#/inbox/${c.id}`}>
          Conversation
        </a>
        {confirming ? (
          <>
            <button type="button" class="danger" onClick={erase}>
              Erase for good
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            Erase…
          </button>
        )}
      </div>
      <h2>Consent ledger</h2>
      <table class="ledger">
        <thead>
          <tr>
            <th>When</th>
            <th>What</th>
            <th>How</th>
            <th>Channels</th>
            <th>Notice shown</th>
          </tr>
        </thead>
        <tbody>
          {data.consent.map((e) => (
            <tr key={e.id}>
              <td>{when(e.at)}</td>
              <td>{e.action}</td>
              <td>{e.method}</td>
              <td>{e.channels.join(', ')}</td>
              <td>{e.noticeText ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
