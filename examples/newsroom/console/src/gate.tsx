import { useState } from 'preact/hooks';
import { ApiError, api } from './api.js';

/** Asks for the console token before anything is shown; the server checks it on every API call. */
export function Gate({ onOpen }: { onOpen: () => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await api('POST', '/session', { token });
      onOpen();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <main class="gate">
      <h1>Newsroom console</h1>
      <p>
        This console shows subscribers, their messages and their consent records, so it asks for a token
        first. The demo prints it when it starts (<code>Console: … token: …</code>); set{' '}
        <code>CONSOLE_TOKEN</code> in the environment to choose it.
      </p>
      <form onSubmit={submit}>
        <label>
          Console token
          <input
            name="token"
            type="password"
            autocomplete="off"
            required
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Open the console</button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
