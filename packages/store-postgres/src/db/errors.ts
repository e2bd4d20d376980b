/** A PostgreSQL unique_violation (SQLSTATE 23505), from node-postgres or PGlite alike. */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === '23505';
