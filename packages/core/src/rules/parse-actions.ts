import type { Action } from './rule-schema.js';
import type { SourceMarks } from './source-map.js';
import { describeToken, type TokenCursor } from './token-cursor.js';

const actionWords =
  'reply, forward http|email|sms, add to channel, remove from channel, tag, assign to, do nothing, stop';

/** After `then`: actions separated by commas. */
export function parseActions(cursor: TokenCursor, marks: SourceMarks): Action[] {
  const actions = [parseAction(cursor, marks)];
  while (cursor.peek().kind === 'comma') {
    cursor.next();
    actions.push(parseAction(cursor, marks));
  }
  return actions;
}

function parseAction(cursor: TokenCursor, marks: SourceMarks): Action {
  const at = cursor.next();
  const word = at.kind === 'word' ? at.value.toLowerCase() : '';
  switch (word) {
    case 'reply': {
      const text = cursor.peek();
      if (text.kind !== 'string')
        cursor.fail(
          text,
          `put the reply in double quotes, e.g. reply "Thanks!"; found ${describeToken(text)}`,
        );
      cursor.next();
      return marks.mark({ type: 'reply', text: text.value }, at, { text });
    }
    case 'forward': {
      const via = cursor.next();
      const kind = via.kind === 'word' ? via.value.toLowerCase() : '';
      if (kind === 'http') {
        const url = cursor.expectValue('the URL to post to, e.g. forward http https://crm.example.com/hook');
        return marks.mark({ type: 'forward-http', url: url.value }, at, { url });
      }
      if (kind === 'email' || kind === 'sms') {
        const to = cursor.expectValue(kind === 'email' ? 'an e-mail address' : 'a phone number');
        return marks.mark({ type: kind === 'email' ? 'forward-email' : 'forward-sms', to: to.value }, at, {
          to,
        });
      }
      return cursor.fail(
        via,
        `forward how? Use forward http <url>, forward email <address> or forward sms <phone>`,
      );
    }
    case 'add': {
      cursor.expectWord('to', 'after "add" (add to channel sport)');
      cursor.expectWord('channel', 'after "add to" (add to channel sport)');
      const slug = cursor.expectValue('a channel, e.g. add to channel sport');
      return marks.mark({ type: 'add-to-channel', channel: slug.value }, at, { channel: slug });
    }
    case 'remove': {
      cursor.expectWord('from', 'after "remove" (remove from channel sport)');
      cursor.expectWord('channel', 'after "remove from" (remove from channel sport)');
      const slug = cursor.expectValue('a channel, e.g. remove from channel sport');
      return marks.mark({ type: 'remove-from-channel', channel: slug.value }, at, { channel: slug });
    }
    case 'tag': {
      const tag = cursor.expectValue('a tag, e.g. tag tickets');
      return marks.mark({ type: 'tag', tag: tag.value }, at, { tag });
    }
    case 'assign': {
      cursor.expectWord('to', 'after "assign" (assign to anna)');
      const agent = cursor.expectValue('an agent, e.g. assign to anna');
      return marks.mark({ type: 'assign', agent: agent.value }, at, { agent });
    }
    case 'do':
      cursor.expectWord('nothing', 'after "do" (do nothing)');
      return marks.mark({ type: 'do-nothing' }, at);
    case 'stop':
      return marks.mark({ type: 'stop' }, at);
    default:
      return cursor.fail(at, `expected an action (${actionWords}), found ${describeToken(at)}`);
  }
}
