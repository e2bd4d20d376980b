import { useState } from 'preact/hooks';

const key = 'newsroom-console-agent';

/** Who is using this console (an inbox agent id), remembered in this browser. */
export function useAgent(): [string, (id: string) => void] {
  const [agent, setAgent] = useState(() => localStorage.getItem(key) ?? '');
  return [
    agent,
    (id) => {
      localStorage.setItem(key, id);
      setAgent(id);
    },
  ];
}
