import type { SendOutcome } from '@tidings/core';
import type { GraphResult, SendResponse } from './graph-api.js';

/** The page a configuration error names: its id and name, never its token. */
export interface PageRef {
  pageId: string;
  name?: string | undefined;
}

/**
 * Turns one Send API answer into an outcome the dispatcher understands (PLATFORMS.md §3.1): 10/2018278 window
 * closed, 551 recipient unavailable, 613/4/32 (and 1200, 2) retry later, 200 and 190 configuration errors, 5xx and
 * network failures retried.
 */
export function toOutcome(result: GraphResult<SendResponse>, page: PageRef): SendOutcome {
  if (result.ok) return { kind: 'accepted', providerMessageId: result.result.message_id };
  if ('network' in result) {
    return { kind: 'retry', retryAfterMs: null, reason: `network: ${result.network.message}` };
  }
  const { error, status, retryAfterMs } = result;
  const sub = error.error_subcode;
  const code = sub === undefined ? String(error.code) : `${error.code}/${sub}`;
  const reason = error.message;
  const named = `page ${page.name ? `${page.name} (${page.pageId})` : page.pageId}`;
  switch (error.code) {
    case 10:
      if (sub === 2018278 || /allowed window/i.test(reason)) return { kind: 'window-closed', reason, code };
      if (sub === 1893063)
        return { kind: 'sender-blocked', reason: `${named} may not send now: ${reason}`, code };
      return permission(named, reason, code);
    case 551:
      return { kind: 'recipient-gone', reason, code };
    case 100:
      if (sub === 2018001) return { kind: 'recipient-gone', reason, code };
      return { kind: 'invalid', reason, code };
    case 613:
    case 4:
    case 32:
    case 1200:
    case 2:
      return { kind: 'retry', retryAfterMs, reason, code };
    case 190:
      return {
        kind: 'config-error',
        reason: `Graph refused the access token of ${named}: ${reason}. Create a new page access token (pages_messaging) and check baseUrl.`,
        code,
      };
  }
  if (error.code >= 200 && error.code <= 299) return permission(named, reason, code);
  if (status >= 500) return { kind: 'retry', retryAfterMs, reason, code };
  return { kind: 'invalid', reason, code };
}

function permission(named: string, reason: string, code: string): SendOutcome {
  return {
    kind: 'config-error',
    reason: `${named} lacks a permission: ${reason}. The app needs pages_messaging (and human_agent for agent replies after 24 hours).`,
    code,
  };
}
