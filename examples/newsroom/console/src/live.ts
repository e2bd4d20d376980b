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
let source: EventSource | null = null;

/** Opens the one event stream of the page; `<html data-live>` says whether it is connected. */
export function startLive(): void {
  if (source) return;
  source = new EventSource('/console/api/events');
  source.onopen = () => {
    document.documentElement.dataset.live = 'open';
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
