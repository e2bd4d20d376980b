/** The median of a list of numbers. */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs `once` `runs` times after `warmup` discarded runs; returns every run's result. */
export async function repeat(once, { runs = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await once();
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  return results;
}
