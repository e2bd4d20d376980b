import { readFile } from 'node:fs/promises';

/** Checks bodies against Meta's OpenAPI description; each returns the problems found (empty: valid). */
export interface OpenApiCheck {
  /** A `POST /{phone-number-id}/messages` body: a message (by its `type`) or a mark-as-read. */
  messageRequest(body: unknown): string[];
  /** A webhook body (`WebhookPayload`). */
  webhook(body: unknown): string[];
}

type Json = Record<string, unknown>;
type Validate = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string; params?: unknown }[] | null;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * Loads Meta's OpenAPI YAML (facebook/openapi, v23.0) and compiles validators with ajv (JSON Schema 2020-12).
 * ajv and yaml are optional peer dependencies, loaded only here.
 *
 * The description has a few defects that would refuse Meta's own examples; they are mended, and only these:
 * 1. `additionalProperties: false` inside an `allOf` member (which refuses the members' shared fields) becomes
 *    `unevaluatedProperties: false` on the composition, which is what it means.
 * 2. The template button `index` pattern `^[2-6, 11-14]$` (a character class refusing Meta's own `"0"`) becomes
 *    one or two digits.
 * 3. Incoming messages in webhooks reuse the outgoing schemas, whose base requires `to` and `recipient_type`;
 *    for webhooks they get an inbound base (`id`, `timestamp`, `type`, and `from` or `from_user_id`), and their
 *    `errors[]` the webhook error shape (`StatusError`) instead of the HTTP one (which requires `type`).
 * 4. `calls` webhooks (Calling API) are not described; their change gets a small schema beside the others.
 * Discriminators are resolved by `type` here, as OpenAPI means them (ajv would try every `oneOf` branch).
 */
export function loadOpenApi(path: string | URL): Promise<OpenApiCheck> {
  const key = String(path);
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = compile(path);
    cache.set(key, loaded);
    loaded.catch(() => cache.delete(key));
  }
  return loaded;
}

const cache = new Map<string, Promise<OpenApiCheck>>();

async function compile(path: string | URL): Promise<OpenApiCheck> {
  const [{ parse }, ajvModule, text] = await Promise.all([
    import('yaml'),
    import('ajv/dist/2020.js'),
    readFile(path, 'utf8'),
  ]);
  const doc = parse(text) as { components: { schemas: Record<string, Json> } };
  const schemas = mend(structuredClone(doc.components.schemas));
  const Ajv = (ajvModule as unknown as { default: new (o: object) => AjvLike }).default;
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const format of formatsIn(schemas)) {
    ajv.addFormat(format, format === 'url' || format === 'uri' ? /^https?:\/\/\S+$/ : true);
  }
  ajv.addSchema({ $id: 'meta', components: { schemas } });
  const compiled = new Map<string, Validate>();
  const validator = (name: string) => {
    let v = compiled.get(name);
    if (!v) {
      v = ajv.compile({ $ref: `meta#/components/schemas/${name}` });
      compiled.set(name, v);
    }
    return v;
  };
  const check = (name: string, data: unknown) => {
    const v = validator(name);
    return v(data)
      ? []
      : (v.errors ?? []).map((e) => `${name}${e.instancePath || '/'} ${e.message ?? ''}`.trim());
  };
  const discriminator = doc.components.schemas.Message?.discriminator as
    | { mapping?: Record<string, string> }
    | undefined;
  const messageMapping = discriminator?.mapping ?? {};

  return {
    messageRequest(body) {
      if (typeof body !== 'object' || body === null) return ['the body is not a JSON object'];
      const b = body as Json;
      if ('status' in b && !('type' in b)) return check('MarkMessageRequestPayload', body);
      const target = messageMapping[String(b.type)];
      if (!target)
        return [`Message/type "${String(b.type)}" is none of ${Object.keys(messageMapping).join(', ')}`];
      return check(target.split('/').at(-1)!, body);
    },
    webhook: (body) => check('WebhookPayload', body),
  };
}

interface AjvLike {
  addFormat(name: string, format: RegExp | true): unknown;
  addSchema(schema: object): unknown;
  compile(schema: object): Validate;
}

function mend(schemas: Record<string, Json>): Record<string, Json> {
  walk(schemas, (node) => {
    const allOf = node.allOf as Json[] | undefined;
    if (Array.isArray(allOf) && allOf.some((m) => m.additionalProperties === false)) {
      for (const member of allOf)
        if (member.additionalProperties === false) delete member.additionalProperties;
      node.unevaluatedProperties = false;
    }
    if (node.pattern === '^[2-6, 11-14]$') node.pattern = '^[0-9]{1,2}$';
  });
  // (3) inbound copies of the message schemas the webhook's IncomingMessage maps to.
  schemas.InboundMessageBase = {
    type: 'object',
    required: ['id', 'timestamp', 'type'],
    anyOf: [{ required: ['from'] }, { required: ['from_user_id'] }],
    properties: {
      from: { type: 'string' },
      from_user_id: { type: 'string' },
      id: { type: 'string' },
      timestamp: { type: 'string' },
      type: { type: 'string' },
      context: { type: 'object' },
      referral: { type: 'object' },
      errors: { type: 'array' },
    },
  };
  const incoming = schemas.IncomingMessage as Json & { discriminator: { mapping: Record<string, string> } };
  const inboundRefs: Json[] = [];
  for (const target of new Set(Object.values(incoming.discriminator.mapping))) {
    const name = target.split('/').at(-1)!;
    schemas[`Inbound${name}`] = inboundCopy(schemas[name]!);
    inboundRefs.push(ref(`Inbound${name}`));
  }
  schemas.InboundMessage = { type: 'object', oneOf: inboundRefs };
  const general = schemas.IncomingMessageValueGeneral as { properties: { messages: Json } };
  general.properties.messages.items = ref('InboundMessage');
  const system = schemas.IncomingMessageValueSystem as { properties: { messages: Json } };
  schemas.InboundSystemMessage = inboundCopy(schemas.SystemMessage!);
  system.properties.messages.items = ref('InboundSystemMessage');
  // (4) calls
  schemas.CallValue = {
    type: 'object',
    required: ['messaging_product', 'metadata', 'calls'],
    properties: {
      messaging_product: { type: 'string' },
      metadata: ref('Metadata'),
      contacts: { type: 'array', items: ref('ContactProfile') },
      calls: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'timestamp', 'event'],
          properties: {
            id: { type: 'string' },
            from: { type: 'string' },
            to: { type: 'string' },
            event: { type: 'string', enum: ['connect', 'terminate'] },
            direction: { type: 'string', enum: ['USER_INITIATED', 'BUSINESS_INITIATED'] },
            timestamp: { type: 'string' },
          },
        },
      },
    },
  };
  const change = schemas.Change as { properties: { value: { oneOf: Json[] }; field: { enum: string[] } } };
  change.properties.value.oneOf.push(ref('CallValue'));
  change.properties.field.enum.push('calls');
  return schemas;
}

function inboundCopy(schema: Json): Json {
  const copy = structuredClone(schema);
  walk(copy, (node) => {
    if (node.$ref === '#/components/schemas/BaseMessageProperties')
      node.$ref = '#/components/schemas/InboundMessageBase';
    if (node.$ref === '#/components/schemas/ErrorObject') node.$ref = '#/components/schemas/StatusError';
  });
  return copy;
}

function walk(node: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (typeof node === 'object' && node !== null) {
    visit(node as Json);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

function formatsIn(schemas: unknown): Set<string> {
  const found = new Set<string>(['url']);
  walk(schemas, (node) => {
    if (typeof node.format === 'string') found.add(node.format);
  });
  return found;
}
