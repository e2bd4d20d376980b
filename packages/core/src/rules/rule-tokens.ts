import { issueAt, type RuleIssue, type SourcePosition } from './rule-issue.js';

export type TokenKind = 'word' | 'string' | 'regex' | 'comma' | 'lparen' | 'rparen' | 'end';

export interface Token extends SourcePosition {
  kind: TokenKind;
  /** A word as written, a string's content with escapes resolved, a pattern's source. */
  value: string;
  /** The flags after a pattern's closing slash. */
  flags: string;
  /** The first token on its line: where a new rule may start when recovering from an error. */
  lineStart: boolean;
}

const single: Record<string, TokenKind> = { ',': 'comma', '(': 'lparen', ')': 'rparen' };
const escapes: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\' };
const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\u00a0';
/** A word runs until space, punctuation that has a meaning of its own, or a quote. */
const endsWord = (ch: string) => isSpace(ch) || ch in single || ch === '"';

/**
 * Splits rule text into tokens. Never throws: problems (an unterminated string or pattern) become issues
 * and the scan goes on, so the parser can report every problem in one pass.
 * Strings and patterns end at the end of their line, which keeps one typo from swallowing the rest.
 */
export function tokenize(text: string): { tokens: Token[]; issues: RuleIssue[] } {
  // Array.from splits by code point, so columns count an emoji once.
  const chars = Array.from(text);
  const tokens: Token[] = [];
  const issues: RuleIssue[] = [];
  let i = 0;
  let line = 1;
  let column = 1;
  let lineHasToken = false;

  const advance = () => {
    if (chars[i] === '\n') {
      line++;
      column = 1;
      lineHasToken = false;
    } else column++;
    i++;
  };
  const push = (kind: TokenKind, value: string, at: SourcePosition, flags = '') => {
    tokens.push({ kind, value, flags, ...at, lineStart: !lineHasToken });
    lineHasToken = true;
  };
  const previousWord = () => {
    const last = tokens.at(-1);
    return last?.kind === 'word' ? last.value.toLowerCase() : null;
  };

  while (i < chars.length) {
    const ch = chars[i]!;
    if (isSpace(ch)) {
      advance();
      continue;
    }
    const at = { line, column };
    if (ch === '#') {
      while (i < chars.length && chars[i] !== '\n') advance();
      continue;
    }
    if (ch in single) {
      push(single[ch]!, ch, at);
      advance();
      continue;
    }
    if (ch === '"') {
      advance();
      let value = '';
      let closed = false;
      while (i < chars.length && chars[i] !== '\n') {
        const c = chars[i]!;
        advance();
        if (c === '"') {
          closed = true;
          break;
        }
        if (c === '\\' && i < chars.length && chars[i] !== '\n') {
          const next = chars[i]!;
          advance();
          value += escapes[next] ?? next;
        } else value += c;
      }
      if (!closed)
        issues.push(issueAt(at, 'text', 'this text in quotes is not closed: end it with " on the same line'));
      push('string', value, at);
      continue;
    }
    if (ch === '/' && previousWord() === 'matches') {
      advance();
      let source = '';
      let inClass = false;
      let closed = false;
      while (i < chars.length && chars[i] !== '\n') {
        const c = chars[i]!;
        advance();
        if (c === '\\' && i < chars.length && chars[i] !== '\n') {
          // `\/` only keeps the slash inside the literal; the JSON form holds the plain `/`, as RegExp takes it.
          source += chars[i] === '/' ? '/' : c + chars[i]!;
          advance();
          continue;
        }

        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) {
          closed = true;
          break;
        }
        source += c;
      }
      let flags = '';
      while (i < chars.length && /[a-z]/i.test(chars[i]!)) {
        flags += chars[i]!;
        advance();
      }
      if (!closed)
        issues.push(issueAt(at, 'text', 'this pattern is not closed: end it with / on the same line'));
      push('regex', source, at, flags);
      continue;
    }
    let word = '';
    while (i < chars.length && !endsWord(chars[i]!)) {
      word += chars[i]!;
      advance();
    }
    push('word', word, at);
  }
  tokens.push({ kind: 'end', value: '', flags: '', line, column, lineStart: true });
  return { tokens, issues };
}
