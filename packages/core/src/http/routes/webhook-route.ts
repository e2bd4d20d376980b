import { transportFor } from '../../services/transports.js';
import { readBytes, withBody } from '../body.js';
import { fixedResponse } from '../fixed-body.js';
import { httpError } from '../http-error.js';
import type { Route } from './route-context.js';

/**
 * `GET|POST /webhooks/:transport`: the transport verifies and normalises; events are handled before the
 * answer, so a failure answers 500 and the platform retries (replays are deduplicated).
 */
export const webhookRoute: Route = async (request, { core, pipeline, params }) => {
  const name = params.transport ?? '';
  if (!core.transports.has(name)) throw httpError('NOT_FOUND', `No transport "${name}" here.`);
  const transport = transportFor(core, name);
  const bytes = await readBytes(request, core.options.http.maxWebhookBytes);
  const result = await transport.parse(withBody(request, bytes));
  if (result.events?.length) await pipeline.receive(transport, result.events);
  return result.response ?? fixedResponse('{"ok":true}', { headers: { 'content-type': 'application/json' } });
};
