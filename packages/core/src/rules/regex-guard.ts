/**
 * Regex conditions run on text strangers send, so a pattern that backtracks catastrophically would let one
 * message stall the process. Two guards, both documented for users:
 *
 * 1. At check time a pattern is refused when it can backtrack exponentially or in a high polynomial:
 *    a repeated group that itself repeats or alternates (`(a+)+`, `(a|ab)*`), backreferences, or more than
 *    two unbounded repetitions (`.*a.*b.*c` is cubic).
 * 2. At run time a pattern sees at most the first {@link maxPatternInput} characters of a message, so the
 *    worst left-over case (two overlapping unbounded repetitions, quadratic) stays around a million steps.
 */
export const maxPatternInput = 1_000;

/** Repetitions above this count are treated as unbounded: `.{0,500}` backtracks like `.*`. */
const boundedLimit = 20;
const maxUnbounded = 2;
const allowedFlags = /^[imsu]*$/;

interface Group {
  /** Some atom inside repeats (nested at any depth). */
  repeats: boolean;
  alternates: boolean;
}

interface Quantifier {
  /** Characters the quantifier takes, a trailing lazy `?` included. */
  length: number;
  repeats: boolean;
  unbounded: boolean;
}

/** The quantifier starting at `i`, if any: `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`. */
function quantifierAt(source: string, i: number): Quantifier | null {
  const ch = source[i];
  let length = 1;
  let max: number;
  if (ch === '*' || ch === '+') max = Number.POSITIVE_INFINITY;
  else if (ch === '?') max = 1;
  else if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return null;
    length = m[0].length;
    max = m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
  } else return null;
  if (source[i + length] === '?') length++;
  return { length, repeats: max > 1, unbounded: max > boundedLimit };
}

/** Skips an escape at `i` (a backslash); returns the index after it, or -1 for a backreference. */
function skipEscape(source: string, i: number): number {
  const next = source[i + 1] ?? '';
  if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) return -1;
  if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') {
    const close = source.indexOf('}', i + 3);
    return close === -1 ? source.length : close + 1;
  }
  return i + 2;
}

/** Skips a character class starting at `i` (`[`); returns the index after its `]`. */
function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Why a pattern is refused, or null when it compiles and is safe to run on any message. */
export function patternProblem(pattern: string, flags: string): string | null {
  if (!allowedFlags.test(flags) || new Set(flags).size !== flags.length)
    return `flags "${flags}" are not allowed: use any of i, m, s, u (g and y would make matching depend on earlier messages)`;
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    return `the pattern does not compile: ${(error as Error).message}`;
  }
  const stack: Group[] = [{ repeats: false, alternates: false }];
  let unbounded = 0;
  /** The atom a following quantifier applies to: null for an anchor or nothing. */
  let lastGroup: Group | null = null;
  let lastIsAtom = false;
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i]!;
    const quantifier = lastIsAtom ? quantifierAt(pattern, i) : null;
    if (quantifier) {
      if (quantifier.repeats && lastGroup?.repeats)
        return 'a repeated group repeats inside, e.g. (a+)+: it can take exponential time; drop the inner or outer repetition';
      if (quantifier.repeats && lastGroup?.alternates)
        return 'a repeated group has alternatives, e.g. (a|ab)*: it can take exponential time; use several conditions joined with "or"';
      if (quantifier.repeats) stack.at(-1)!.repeats = true;
      if (quantifier.unbounded && ++unbounded > maxUnbounded)
        return `more than ${maxUnbounded} unbounded repetitions (*, +, {n,}): split the pattern into conditions joined with "and"`;
      i += quantifier.length;
      lastIsAtom = false;
      lastGroup = null;
      continue;
    }
    lastGroup = null;
    lastIsAtom = true;
    if (ch === '\\') {
      const next = skipEscape(pattern, i);
      if (next === -1)
        return 'backreferences (\\1, \\k<name>) are not allowed: they can take exponential time';
      i = next;
    } else if (ch === '[') i = skipClass(pattern, i);
    else if (ch === '(') {
      stack.push({ repeats: false, alternates: false });
      // Skip the group's kind: (?: (?= (?! (?<= (?<! (?<name>
      const kind = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)?/.exec(pattern.slice(i));
      i += kind ? kind[0].length : 1;
      lastIsAtom = false;
    } else if (ch === ')') {
      const group = stack.length > 1 ? stack.pop()! : { repeats: false, alternates: false };
      // A repetition inside makes the enclosing group repetitive as well, so nesting is seen at any depth.
      if (group.repeats) stack.at(-1)!.repeats = true;
      lastGroup = group;
      i++;
    } else if (ch === '|') {
      stack.at(-1)!.alternates = true;
      lastIsAtom = false;
      i++;
    } else {
      lastIsAtom = ch !== '^' && ch !== '$';
      i++;
    }
  }
  return null;
}
