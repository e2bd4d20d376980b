import type { SourcePosition } from './rule-issue.js';
import type { Condition, Rule } from './rule-schema.js';

/** JSON path → where it was written. Lets the checker, which sees only JSON, point at lines and columns. */
export type SourceMap = ReadonlyMap<string, SourcePosition>;

/** Collects positions while parsing: per JSON node, and per field of a node (a channel slug, a zone). */
export class SourceMarks {
  readonly #nodes = new WeakMap<object, SourcePosition>();
  readonly #fields = new WeakMap<object, Record<string, SourcePosition>>();

  mark<T extends object>(node: T, at: SourcePosition, fields: Record<string, SourcePosition> = {}): T {
    this.#nodes.set(node, { line: at.line, column: at.column });
    this.#fields.set(node, fields);
    return node;
  }

  /** The positions of every marked node of `rules`, by JSON path. */
  toSourceMap(rules: readonly Rule[]): SourceMap {
    const map = new Map<string, SourcePosition>();
    const visit = (node: object | undefined, path: string) => {
      if (!node) return;
      const at = this.#nodes.get(node);
      if (at) map.set(path, at);
      for (const [field, position] of Object.entries(this.#fields.get(node) ?? {}))
        map.set(`${path}.${field}`, position);
    };
    const visitCondition = (c: Condition, path: string) => {
      visit(c, path);
      if (c.type === 'and' || c.type === 'or')
        for (const [k, child] of c.conditions.entries()) visitCondition(child, `${path}.conditions.${k}`);
      if (c.type === 'not') visitCondition(c.condition, `${path}.condition`);
    };
    rules.forEach((rule, i) => {
      const path = `rules.${i}`;
      visit(rule, path);
      visit(rule.trigger, `${path}.trigger`);
      visitCondition(rule.condition, `${path}.condition`);
      for (const [j, action] of rule.actions.entries()) visit(action, `${path}.actions.${j}`);
    });
    return map;
  }
}

/** The position of `path`, or of its nearest ancestor that has one. */
export function positionOf(map: SourceMap | null, path: string): SourcePosition | null {
  if (!map) return null;
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const at = map.get(p);
    if (at) return at;
  }
  return null;
}
