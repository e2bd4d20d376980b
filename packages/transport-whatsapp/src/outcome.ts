import type { SendOutcome } from '@tidings/core';
import type { GraphError, GraphResult } from './graph-api.js';

/** The answer to a send: `messages[0].id` is the wamid status webhooks refer to. */
export interface SendResponse {
  messaging_product: 'whatsapp';
  contacts?: { input: string; wa_id?: string }[];
  messages: { id: string; message_status?: string }[];
}

/** Restriction and quality codes: the number itself may not send (F35). */
const senderBlockedCodes = new Set([368, 131031, 131048, 130497, 131042]);
/** Throttles (PLATFORMS.md §1.4): try again later, after Retry-After where Meta sends one. */
const throttleCodes = new Set([4, 80007, 130429, 131057]);
const transientCodes = new Set([1, 2, 131000, 131016, 133004]);
const PAIR_GAP_MS = 6000;

/**
 * Turns one Graph answer into an outcome the dispatcher understands, keyed on the error `code` as Meta advises.
 * `pairGapMs` is how long 131056 waits (the per-person gap). The token itself is never quoted.
 */
export function toOutcome(
  result: GraphResult<SendResponse>,
  sender: { phoneNumberId: string },
  pairGapMs = PAIR_GAP_MS,
): SendOutcome {
  if (result.ok) {
    const id = result.body.messages?.[0]?.id;
    if (!id)
      return { kind: 'retry', retryAfterMs: null, reason: 'Meta accepted the call but named no message id' };
    return { kind: 'accepted', providerMessageId: id };
  }
  if ('network' in result)
    return { kind: 'retry', retryAfterMs: null, reason: `network: ${result.network.message}` };
  const { error } = result;
  const code = String(error.code);
  const reason = describe(error);
  if (throttleCodes.has(error.code))
    return { kind: 'retry', retryAfterMs: result.retryAfterMs, reason, code };
  if (error.code === 131056) {
    return { kind: 'retry', retryAfterMs: Math.max(result.retryAfterMs ?? 0, pairGapMs), reason, code };
  }
  if (error.code === 131047) return { kind: 'window-closed', reason, code };
  // Meta chose not to deliver (per-person marketing limit): end the delivery as skipped, never retry at once.
  if (error.code === 131049)
    return { kind: 'window-closed', reason: `not delivered by Meta: ${reason}`, code };
  if (error.code === 131050)
    return { kind: 'recipient-blocked', reason: `stopped marketing messages: ${reason}`, code };
  if (error.code === 131026) return { kind: 'recipient-gone', reason, code };
  if (senderBlockedCodes.has(error.code)) return { kind: 'sender-blocked', reason, code };
  if (error.code === 190 || error.code === 0 || result.status === 401) {
    return {
      kind: 'config-error',
      reason: `Meta refused the accessToken for number ${sender.phoneNumberId}: ${reason}. Check the token (system user, whatsapp_business_messaging) and that it has not expired.`,
      code,
    };
  }
  if (error.code === 10 || error.code === 200 || (error.code === 100 && result.status === 404)) {
    return {
      kind: 'config-error',
      reason: `${reason} — check phoneNumberId ${sender.phoneNumberId} and its permissions`,
      code,
    };
  }
  if (transientCodes.has(error.code) || error.is_transient || result.status >= 500) {
    return { kind: 'retry', retryAfterMs: result.retryAfterMs, reason, code };
  }
  return { kind: 'invalid', reason, code };
}

function describe(error: GraphError): string {
  const details = error.error_data?.details;
  return details && !error.message.includes(details) ? `${error.message}: ${details}` : error.message;
}
