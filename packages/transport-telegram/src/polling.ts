import type { TransportContext } from '@tidings/core';
import type { BotApi } from './bot-api.js';
import { type TelegramUpdate, toEvents } from './updates.js';

export interface PollSettings {
  timeoutSeconds: number;
  backoffMaxMs: number;
  /** How long past the long-poll timeout a silent connection is given before it counts as dropped. */
  graceMs: number;
}

export const allowedUpdates = ['message', 'my_chat_member'];

/**
 * Long-polls `getUpdates` for one bot until `signal` aborts: hands each batch to the core, then confirms it with
 * the next `offset` (at-least-once: a crash before that re-reads the batch, and the core deduplicates). Failures
 * back off on the core's clock, doubling up to `backoffMaxMs`; a refused token stops the loop.
 */
export async function pollUpdates(
  api: BotApi,
  username: string,
  context: TransportContext,
  settings: PollSettings,
  signal: AbortSignal,
): Promise<void> {
  let offset: number | undefined;
  let backoffMs = 0;
  while (!signal.aborted) {
    const body = {
      timeout: settings.timeoutSeconds,
      allowed_updates: allowedUpdates,
      ...(offset !== undefined ? { offset } : {}),
    };
    // A long poll on a half-open connection would wait forever: give up a little after Telegram would answer.
    const guard = AbortSignal.timeout(settings.timeoutSeconds * 1000 + settings.graceMs);
    const result = await api.call<TelegramUpdate[]>('getUpdates', body, AbortSignal.any([signal, guard]));

    if (signal.aborted) return;
    if (result.ok) {
      backoffMs = 0;
      const updates = result.result;
      if (updates.length === 0) continue;
      const events = updates.flatMap((u) => toEvents(u, username));
      try {
        if (events.length > 0) await context.receive(events);
        offset = Math.max(...updates.map((u) => u.update_id)) + 1;
      } catch (error) {
        context.logger?.error(`telegram @${username}: handling updates failed; they will be read again`, {
          error,
        });
        backoffMs = nextBackoff(backoffMs, settings.backoffMaxMs);
        await pause(context, backoffMs, signal);
      }
      continue;
    }
    if (!('network' in result) && result.error_code === 401) {
      context.logger?.error(`telegram @${username}: the token was refused (401); polling stopped`, {});
      return;
    }
    const why = 'network' in result ? result.network.message : result.description;
    const retryAfter =
      'network' in result ? null : (result.parameters?.retry_after ?? result.retryAfterHeader);
    backoffMs = retryAfter != null ? retryAfter * 1000 : nextBackoff(backoffMs, settings.backoffMaxMs);
    context.logger?.warn(
      `telegram @${username}: getUpdates failed (${why}); next try in ${backoffMs} ms`,
      {},
    );
    await pause(context, backoffMs, signal);
  }
}

const nextBackoff = (current: number, max: number) => Math.min(max, current === 0 ? 500 : current * 2);

async function pause(context: TransportContext, ms: number, signal: AbortSignal): Promise<void> {
  try {
    await context.sleep(ms, signal);
  } catch {
    // Aborted: the loop condition ends it.
  }
}
