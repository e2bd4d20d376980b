import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { RuleIssue, RuleSetView } from '../types.js';
import { useApi } from '../use-api.js';
import { ExplainTester } from './explain-tester.js';
import { offsetOf, RuleSource } from './rule-source.js';

/** The rules editor: checked as you type, problems marked at line and column, saved only when valid. */
export function Rules() {
  const { data } = useApi<RuleSetView>('/rules');
  const [text, setText] = useState<string | null>(null);
  const [issues, setIssues] = useState<RuleIssue[]>([]);
  const [status, setStatus] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const current = text ?? data?.text ?? '';
  useEffect(() => {
    if (text === null) return;
    const timer = setTimeout(() => {
      api<{ issues: RuleIssue[] }>('POST', '/rules/check', { text }).then((r) => setIssues(r.issues));
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);
  const save = async () => {
    const result = await api<{ saved: boolean; issues: RuleIssue[]; rules?: RuleSetView }>('PUT', '/rules', {
      text: current,
    });
    setIssues(result.issues);
    setStatus(
      result.saved
        ? `Saved (version ${result.rules?.version}).`
        : 'Not saved: fix the problems marked below.',
    );
  };
  const jump = (issue: RuleIssue) => {
    const el = area.current;
    if (!el || issue.line === null) return;
    const at = offsetOf(current, issue.line, issue.column ?? 1);
    el.focus();
    el.setSelectionRange(at, at + 1);
  };
  return (
    <section class="rules">
      <h1>Rules</h1>
      <p>
        One rule per line: <code>when keyword TANZ then add to channel tanz, reply "Du bist dabei"</code>.
        Saving replaces the whole set; invalid rules change nothing.
      </p>
      <div class="columns">
        <div>
          <label>
            Rules
            <textarea
              ref={area}
              name="rules"
              rows={12}
              spellcheck={false}
              class="code"
              value={current}
              aria-invalid={issues.length > 0}
              onInput={(e) => {
                setText(e.currentTarget.value);
                setStatus('');
              }}
            />
          </label>
          <div class="actions">
            <button type="button" onClick={save}>
              Save rules
            </button>
            <span role="status">{status}</span>
          </div>
          {issues.length > 0 && (
            <ul class="issues" data-testid="rule-issues">
              {issues.map((issue) => (
                <li key={`${issue.line}:${issue.column}:${issue.path}`}>
                  <button type="button" class="link" onClick={() => jump(issue)}>
                    {issue.line === null ? issue.path : `line ${issue.line}, column ${issue.column}`}
                  </button>
                  : {issue.message}
                </li>
              ))}
            </ul>
          )}
          <RuleSource text={current} issues={issues} />
        </div>
        <ExplainTester />
      </div>
    </section>
  );
}
