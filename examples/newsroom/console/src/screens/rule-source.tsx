import type { RuleIssue } from '../types.js';

/**
 * The rules text line by line, each issue marked where it starts: the line gets a marker and the word at the
 * issue's column is underlined (columns count characters, so an emoji is one).
 */
export function RuleSource({ text, issues }: { text: string; issues: RuleIssue[] }) {
  const lines = text.split('\n');
  return (
    <ol class="rule-source" aria-label="Rules with their problems marked">
      {lines.map((line, i) => {
        const n = i + 1;
        const here = issues.filter((issue) => issue.line === n);
        if (here.length === 0) return <li key={n}>{line || ' '}</li>;
        const chars = Array.from(line);
        const column = Math.min(Math.max(here[0]!.column ?? 1, 1), chars.length + 1);
        // The word the issue starts at: up to the next space, at least one character.
        const space = chars.findIndex((ch, k) => k >= column && /\s/.test(ch));
        const end = Math.max(space < 0 ? chars.length : space, column);
        return (
          <li key={n} class="has-issue" data-issue-line={n} title={here.map((x) => x.message).join('\n')}>
            {chars.slice(0, column - 1).join('')}
            <mark data-issue-line={n} data-issue-column={column}>
              {chars.slice(column - 1, end).join('') || ' '}
            </mark>
            {chars.slice(end).join('')}
          </li>
        );
      })}
    </ol>
  );
}

/** Where in the textarea a line and column are (for putting the caret on an issue). */
export function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n').slice(0, line - 1);
  const before = lines.reduce((sum, l) => sum + l.length + 1, 0);
  const current = Array.from(text.split('\n')[line - 1] ?? '');
  return before + current.slice(0, column - 1).join('').length;
}
