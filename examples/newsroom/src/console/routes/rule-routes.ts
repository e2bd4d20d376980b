import type { ExplainInput, Tidings } from '@tidings/core';
import type { ApiRoute } from '../api-router.js';

const textOf = (body: Record<string, unknown>) => (typeof body.text === 'string' ? body.text : '');

/** The auto-reply rules: read, check (issues with line and column), save, and explain a message (F30–F32). */
export function ruleRoutes(tidings: Tidings): ApiRoute[] {
  return [
    { method: 'GET', path: '/rules', handler: () => tidings.rules.get() },
    {
      method: 'POST',
      path: '/rules/check',
      handler: async ({ body }) => ({ issues: await tidings.rules.check(textOf(body)) }),
    },
    {
      method: 'PUT',
      path: '/rules',
      handler: async ({ body }) => {
        // Invalid rules change nothing; the editor gets the issues as `check` gives them, to mark them.
        const issues = await tidings.rules.check(textOf(body));
        if (issues.length > 0) return { saved: false, issues };
        return { saved: true, rules: await tidings.rules.set(textOf(body)), issues };
      },
    },
    {
      method: 'POST',
      path: '/rules/explain',
      handler: ({ body }) => tidings.rules.explain(body as ExplainInput),
    },
  ];
}
