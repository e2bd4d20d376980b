import { nanoid } from 'nanoid';

// Ids of outbound messages recorded in batches: the time first (base 36, fixed width), then this process's random
// prefix and a counter. They sort by time, so the primary key grows at its right edge instead of touching a random
// leaf page (and, after each checkpoint, writing that whole page to the WAL) for every message.
const processPrefix = nanoid(6);
let counter = 0;

/** A unique message id whose order follows the time it was made. */
export function timeOrderedId(): string {
  counter = (counter + 1) % 36 ** 5;
  return `${Date.now().toString(36).padStart(9, '0')}${processPrefix}${counter.toString(36).padStart(5, '0')}`;
}
