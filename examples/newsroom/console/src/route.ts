import { useEffect, useState } from 'preact/hooks';

/** The screen and its argument from the hash: `#/broadcasts/B1` → `['broadcasts', 'B1']`. */
export function useRoute(): [string, string | undefined] {
  const read = () => location.hash.replace(/^#\/?/, '').split('/');
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const changed = () => setParts(read());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return [parts[0] || 'broadcasts', parts[1] ? decodeURIComponent(parts[1]) : undefined];
}

export function go(hash: string): void {
  location.hash = hash;
}
