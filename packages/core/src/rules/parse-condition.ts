import { parseHours } from './parse-hours.js';
import type { Condition, MediaCondition } from './rule-schema.js';
import type { SourceMarks } from './source-map.js';
import { describeToken, type TokenCursor } from './token-cursor.js';

const mediaKinds = new Set<MediaCondition>(['image', 'audio', 'video', 'document', 'any']);
const conditionWords =
  'any, keyword, contains, text matches, first message, inside hours, outside hours, in channel, on, media, call, window open';

/**
 * Conditions: `not` binds tightest, then `and`, then `or`; parentheses group.
 * `keyword TANZ and not (on telegram or media image)`.
 */
export function parseCondition(cursor: TokenCursor, marks: SourceMarks): Condition {
  const at = cursor.peek();
  const parts = [parseAnd(cursor, marks)];
  while (cursor.accept('or')) parts.push(parseAnd(cursor, marks));
  return parts.length === 1 ? parts[0]! : marks.mark({ type: 'or', conditions: parts }, at);
}

function parseAnd(cursor: TokenCursor, marks: SourceMarks): Condition {
  const at = cursor.peek();
  const parts = [parseUnary(cursor, marks)];
  while (cursor.accept('and')) parts.push(parseUnary(cursor, marks));
  return parts.length === 1 ? parts[0]! : marks.mark({ type: 'and', conditions: parts }, at);
}

function parseUnary(cursor: TokenCursor, marks: SourceMarks): Condition {
  const at = cursor.peek();
  if (cursor.accept('not')) return marks.mark({ type: 'not', condition: parseUnary(cursor, marks) }, at);
  if (at.kind === 'lparen') {
    cursor.next();
    const inner = parseCondition(cursor, marks);
    if (cursor.peek().kind !== 'rparen')
      cursor.fail(cursor.peek(), `expected ")" to close the "(" at line ${at.line}, column ${at.column}`);
    cursor.next();
    return inner;
  }
  return parseAtom(cursor, marks);
}

function parseAtom(cursor: TokenCursor, marks: SourceMarks): Condition {
  const at = cursor.next();
  const word = at.kind === 'word' ? at.value.toLowerCase() : '';
  switch (word) {
    case 'any':
      return marks.mark({ type: 'any' }, at);
    case 'call':
      return marks.mark({ type: 'call' }, at);
    case 'keyword': {
      const value = cursor.expectValue('the keyword, e.g. keyword TANZ or keyword "😡"');
      return marks.mark({ type: 'keyword', keyword: value.value }, at, { keyword: value });
    }
    case 'contains': {
      const value = cursor.expectValue('the text to look for, e.g. contains "Ticket"');
      return marks.mark({ type: 'contains', text: value.value }, at, { text: value });
    }
    case 'text':
      cursor.expectWord('matches', 'after "text" (text matches /pattern/flags)');
      return pattern(cursor, marks, at);
    case 'matches':
      return pattern(cursor, marks, at);
    case 'first':
      cursor.expectWord('message', 'after "first" (first message)');
      return marks.mark({ type: 'first-message' }, at);
    case 'window':
      cursor.expectWord('open', 'after "window" (window open)');
      return marks.mark({ type: 'window-open' }, at);
    case 'inside':
    case 'outside': {
      cursor.expectWord('hours', `after "${word}" (${word} hours mon-fri 09:00-18:00 Europe/Vienna)`);
      const { condition, fields } = parseHours(cursor, word === 'inside');
      return marks.mark(condition, at, fields);
    }
    case 'in': {
      cursor.expectWord('channel', 'after "in" (in channel sport)');
      const slug = cursor.expectValue('a channel, e.g. in channel sport');
      return marks.mark({ type: 'in-channel', channel: slug.value }, at, { channel: slug });
    }
    case 'on': {
      const name = cursor.expectValue('a messenger, e.g. on whatsapp');
      return marks.mark({ type: 'on', transport: name.value }, at, { transport: name });
    }
    case 'media': {
      const next = cursor.peek();
      const kind = next.kind === 'word' ? next.value.toLowerCase() : '';
      if (!mediaKinds.has(kind as MediaCondition)) return marks.mark({ type: 'media', kind: 'any' }, at);
      cursor.next();
      return marks.mark({ type: 'media', kind: kind as MediaCondition }, at);
    }
    default:
      return cursor.fail(at, `expected a condition (${conditionWords}), found ${describeToken(at)}`);
  }
}

function pattern(cursor: TokenCursor, marks: SourceMarks, at: ReturnType<TokenCursor['next']>): Condition {
  const token = cursor.peek();
  if (token.kind !== 'regex')
    cursor.fail(
      token,
      `expected a pattern between slashes, e.g. text matches /^stopp?$/i; found ${describeToken(token)}`,
    );
  cursor.next();
  return marks.mark({ type: 'matches', pattern: token.value, flags: token.flags }, at, { pattern: token });
}
