import { useEffect, useRef } from 'preact/hooks';

/** One library event as `/console/api/events` sends it. */
export interface LiveEvent {
  type: string;
  broadcastId?: string;
  contactId?: string;
  counts?: Record<string, number>;
}

type Listener = (event: LiveEvent) => void;
const listeners = new Set<Listener>();
const resyncs = new Set<() => void>();
let source: EventSource | null = null;
let wasOpen = false;

/** Opens the one event stream of the page; `<html data-live>` says whether it is connected. */
export function startLive(): void {
  if (source) return;
  source = new EventSource('/console/api/events');
  source.onopen = () => {
    document.documentElement.dataset.live = 'open';
    // Back after a dropped connection: events may have been missed, so every shown list loads again.
    if (wasOpen) for (const resync of resyncs) resync();
    wasOpen = true;
  };
  source.onerror = () => {
    document.documentElement.dataset.live = 'reconnecting';
  };
  source.onmessage = (message) => {
    const event = JSON.parse(message.data) as LiveEvent;
    for (const listener of listeners) listener(event);
  };
}

export function stopLive(): void {
  source?.close();
  source = null;
  wasOpen = false;
  delete document.documentElement.dataset.live;
}

/** Calls `listener` for every live event while the component is shown. */
export function useLive(listener: Listener): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const forward: Listener = (event) => latest.current(event);
    listeners.add(forward);
    return () => {
      listeners.delete(forward);
    };
  }, []);
}

/** Calls `reload` whenever the event stream comes back after a drop (`useApi` does this for every screen). */
export function onResync(reload: () => void): () => void {
  resyncs.add(reload);
  return () => {
    resyncs.delete(reload);
  };
}
