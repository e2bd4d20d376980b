export { FakeGraphError, fakeErrors } from './fake-errors.js';
export { loadOpenApi, type OpenApiCheck } from './fake-openapi.js';
export { withMetaDefaults } from './fake-send.js';
export type { FakeSubscriber } from './fake-subscriber.js';
export type * from './fake-types.js';
export { defaultLimits } from './fake-types.js';
export { metaJson } from './fake-webhooks.js';
export { type FakeWhatsApp, type FakeWhatsAppOptions, fakeWhatsApp } from './fake-whatsapp.js';
export type { FakeBehaviour } from './fake-world.js';
