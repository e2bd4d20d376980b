import { useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import { useLive } from '../live.js';
import type { Channel } from '../types.js';
import { useApi } from '../use-api.js';

/** The channels: keywords and welcome, switch on and off, and add one. */
export function Channels() {
  const { data, error, reload } = useApi<{ items: Channel[] }>('/channels');
  const [form, setForm] = useState({ slug: '', name: '', keywords: '', welcome: '' });
  const [problem, setProblem] = useState<string | null>(null);
  useLive((event) => {
    if (event.type.startsWith('channel.')) reload();
  });
  const call = async (work: Promise<unknown>) => {
    try {
      await work;
      setProblem(null);
      reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };
  const create = (event: Event) => {
    event.preventDefault();
    const keywords = form.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    call(api('POST', '/channels', { ...form, keywords, welcome: form.welcome || null }));
  };
  const field = (key: keyof typeof form, label: string) => (
    <label>
      {label}
      <input value={form[key]} onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
    </label>
  );
  return (
    <section>
      <h1>Channels</h1>
      {error && <p class="error">{error.message}</p>}
      <table>
        <thead>
          <tr>
            <th>Channel</th>
            <th>Keywords</th>
            <th>Welcome</th>
            <th>Active</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((c) => (
            <tr key={c.id} data-channel={c.slug}>
              <td>
                <strong>{c.name}</strong> <code>{c.slug}</code>
                {c.isDefault && ' (default)'}
              </td>
              <td>{c.keywords.join(', ')}</td>
              <td>{c.welcome}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${c.name} active`}
                  checked={c.active}
                  onChange={() => call(api('PUT', `/channels/${c.slug}`, { active: !c.active }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a channel</h2>
      <form onSubmit={create} class="inline-form">
        {field('slug', 'Slug')}
        {field('name', 'Name')}
        {field('keywords', 'Keywords (comma-separated)')}
        {field('welcome', 'Welcome message')}
        <button type="submit">Add</button>
      </form>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
