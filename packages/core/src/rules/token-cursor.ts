import type { SourcePosition } from './rule-issue.js';
import type { Token } from './rule-tokens.js';

/** A parse error inside one rule; the parser records it and resumes at the next rule. */
export class ParseFailure extends Error {
  constructor(
    readonly at: SourcePosition,
    message: string,
    /** The index of the token at fault: recovery resumes from there, so a rule that starts on it is kept. */
    readonly index: number,
  ) {
    super(message);
  }
}

/** How a token reads in an error message. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the text';
    case 'comma':
      return 'a comma';
    case 'lparen':
    case 'rparen':
      return `"${token.value}"`;
    case 'string':
      return `the text "${token.value}"`;
    case 'regex':
      return `the pattern /${token.value}/`;
    case 'word':
      return `"${token.value}"`;
  }
}

/** Words that shape a rule; as a value (a keyword "and") they go in quotes. */
const structuralWords = new Set(['then', 'and', 'or', 'when']);

/** Walks the tokens of a rule text; words compare case-insensitively, as the language does. */

export class TokenCursor {
  pos = 0;

  constructor(readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.pos++;
    return token;
  }

  /** True when the token at `offset` is the word `word` (lower case). */
  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && token.value.toLowerCase() === word;
  }

  /** Consumes the word if it is next. */
  accept(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.pos++;
    return true;
  }

  expectWord(word: string, hint: string): Token {
    if (this.isWord(word)) return this.next();
    return this.fail(this.peek(), `expected "${word}" ${hint}, found ${describeToken(this.peek())}`);
  }

  /** A word or a text in quotes: a keyword, a channel, a URL. `then`, `and`, `or` must be quoted to be values. */
  expectValue(what: string): Token {
    const token = this.peek();
    const structural = token.kind === 'word' && structuralWords.has(token.value.toLowerCase());
    if (token.kind === 'string' || (token.kind === 'word' && !structural)) return this.next();
    return this.fail(token, `expected ${what}, found ${describeToken(token)}`);
  }

  fail(token: Token, message: string): never {
    throw new ParseFailure(token, message, this.tokens.indexOf(token));
  }
}
