import type { CoreContext } from '../../services/core-context.js';
import type { InboundPipeline } from '../../services/inbound.js';
import type { OptinsApi } from '../../services/optins-service.js';
import type { HandlerContext } from '../client-address.js';

/** What a route handler gets besides the request. */
export interface RouteContext {
  core: CoreContext;
  optins: OptinsApi;
  pipeline: InboundPipeline;
  params: Record<string, string>;
  handler: HandlerContext;
  url: URL;
}

export type Route = (request: Request, context: RouteContext) => Promise<Response>;
