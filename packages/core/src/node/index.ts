export { toNodeHandler, toRequest, writeResponse } from './node-handler.js';
