import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { FilterSelect } from '../filter-select.js';
import { useLive } from '../live.js';
import { Pager, useCursor } from '../pager.js';
import type { Channel, Contact, Page } from '../types.js';
import { messenger, when } from '../types.js';
import { useApi } from '../use-api.js';

/** Contacts, newest state first, filtered by state or searched by name, address or phone. */
export function Contacts() {
  const [state, setState] = useState('');
  const [search, setSearch] = useState('');
  const [channel, setChannel] = useState('');
  const channels = useApi<{ items: Channel[] }>('/channels').data?.items ?? [];
  const paging = useCursor();
  const query = new URLSearchParams({
    ...(state ? { state } : {}),
    ...(search ? { search } : {}),
    ...(channel ? { channel } : {}),
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
  });
  const { data, error, reload } = useApi<Page<Contact>>(`/contacts?${query}`);
  useLive((event) => {
    if (event.type.startsWith('contact.')) reload();
  });
  return (
    <section>
      <div class="bar">
        <h1>Contacts</h1>
        <button type="button" onClick={() => api('POST', '/sandbox/subscribers', { count: 5 }).then(reload)}>
          Add 5 sandbox subscribers
        </button>
      </div>
      <div class="filters">
        <FilterSelect
          label="State"
          value={state}
          options={['confirmed', 'pending', 'visitor', 'unsubscribed'].map((x) => [x, x])}
          onChange={(v) => {
            setState(v);
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
        <label>
          Search
          <input
            type="search"
            value={search}
            onInput={(e) => {
              setSearch(e.currentTarget.value);
              paging.reset();
            }}
          />
        </label>
      </div>
      {error && <p class="error">{error.message}</p>}
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Address</th>
            <th>Messenger</th>
            <th>State</th>
            <th>Since</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((c) => (
            <tr key={c.id} data-contact={c.id}>
              <td>
                <a href={`#/contacts/${c.id}`}>{c.name ?? '(no name)'}</a>
              </td>
              <td>{c.address}</td>
              <td>{messenger(c.transport)}</td>
              <td>{c.state}</td>
              <td>{when(c.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.items.length === 0 && <p>No contacts.</p>}
      {data && <Pager paging={paging} nextCursor={data.nextCursor} />}
    </section>
  );
}
