import { useState } from 'preact/hooks';

/** Keyset paging: the cursors of the pages before this one, so "Newer" can go back. */
export function useCursor(): {
  cursor: string | null;
  next: (nextCursor: string) => void;
  back: () => void;
  reset: () => void;
  depth: number;
} {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  return {
    cursor: stack.at(-1) ?? null,
    next: (nextCursor) => setStack([...stack, nextCursor]),
    back: () => setStack(stack.length > 1 ? stack.slice(0, -1) : stack),
    reset: () => setStack([null]),
    depth: stack.length,
  };
}

/** "← Previous" and "Next →" under a paged list. */
export function Pager({
  paging,
  nextCursor,
}: {
  paging: ReturnType<typeof useCursor>;
  nextCursor: string | null;
}) {
  if (paging.depth === 1 && nextCursor === null) return null;
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={paging.depth === 1} onClick={paging.back}>
        ← Previous
      </button>
      <span>Page {paging.depth}</span>
      <button
        type="button"
        disabled={nextCursor === null}
        onClick={() => nextCursor && paging.next(nextCursor)}
      >
        Next →
      </button>
    </nav>
  );
}
