import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from './api.js';
import { onResync } from './live.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  reload: () => void;
}

/** Live events come in bursts (a broadcast's progress, a busy inbox): reloads within this time become one. */
const coalesceMs = 100;

/**
 * GETs `path` (null: nothing yet) and again on `reload()`; keeps showing the last data while reloading. Reloads
 * asked for in quick succession are coalesced into one request.
 */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    api<T>('GET', path).then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
      },
      (e: unknown) => current && setError(e instanceof ApiError ? e : new ApiError(String(e), 0)),
    );
    return () => {
      current = false;
    };
  }, [path, round]);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  const reload = useCallback(() => {
    if (pending.current !== null) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      setRound((r) => r + 1);
    }, coalesceMs);
  }, []);
  useEffect(() => onResync(reload), [reload]);
  return { data, error, reload };
}
