import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { Agent } from '../types.js';
import { useApi } from '../use-api.js';

/**
 * Round-robin for everyone, and whether the current agent takes part in it (available). The boxes change at once
 * (a controlled checkbox would otherwise spring back until the server answered).
 */
export function InboxSettings({ me, onChange }: { me: Agent | undefined; onChange: () => void }) {
  const roundRobin = useApi<{ on: boolean }>('/round-robin');
  const [on, setOn] = useState(false);
  const [available, setAvailable] = useState(me?.available ?? false);
  useEffect(() => setOn(roundRobin.data?.on ?? false), [roundRobin.data]);
  useEffect(() => setAvailable(me?.available ?? false), [me]);
  const toggleRoundRobin = async () => {
    setOn(!on);
    await api('PUT', '/round-robin', { on: !on });
    roundRobin.reload();
  };
  const toggleAvailable = async () => {
    if (!me) return;
    setAvailable(!available);
    await api('PUT', `/agents/${encodeURIComponent(me.id)}`, { available: !available });
    onChange();
  };
  return (
    <div class="settings">
      <label class="check">
        <input type="checkbox" checked={on} onChange={toggleRoundRobin} />
        Round-robin: new conversations go to available agents in turn
      </label>
      {me && (
        <label class="check">
          <input type="checkbox" checked={available} onChange={toggleAvailable} />I am available
        </label>
      )}
    </div>
  );
}
