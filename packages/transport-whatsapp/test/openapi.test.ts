import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadOpenApi, type OpenApiCheck, withMetaDefaults } from '../src/testing/index.js';
import { openapiPath } from './helpers.js';

type Examples = Record<string, { value: unknown }>;
let check: OpenApiCheck;
let spec: {
  paths: Record<
    string,
    { post: { requestBody: { content: { 'application/json': { examples: Examples } } } } }
  >;
};

beforeAll(async () => {
  check = await loadOpenApi(openapiPath);
  spec = parse(await readFile(openapiPath, 'utf8'));
});

const examplesOf = (path: string) =>
  Object.entries(spec.paths[path]!.post.requestBody.content['application/json'].examples);

describe("Meta's OpenAPI description, as the fake reads it", () => {
  it("accepts Meta's own webhook examples of the kinds the fake sends and the transport reads", () => {
    const kinds = /^(Text|Image|Reaction|Button|Interactive|Unsupported|System)/;
    const examples = examplesOf('/whatsapp/webhooks').filter(([name]) => kinds.test(name));
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const [name, { value }] of examples) expect([name, check.webhook(value)]).toEqual([name, []]);
  });

  it("accepts Meta's own send examples for the message types the transport uses", () => {
    const used =
      /^Send (Text Message$|(Image|Audio|Video|Document) Message|Reply Button|Message Template (Text|Media)|typing)/;
    const examples = examplesOf('/{Version}/{Phone-Number-ID}/messages').filter(([name]) => used.test(name));
    expect(examples.length).toBeGreaterThanOrEqual(12);
    for (const [name, { value }] of examples) {
      // Meta's examples write links as placeholders ("<http(s)://audio-url>", "http(s)://image-url"); the schema wants a URL.
      const concrete = JSON.parse(
        JSON.stringify(value).replace(/"link":"<?http\(s\)[^"]*"/g, '"link":"https://cdn.example/media"'),
      );
      const body = withMetaDefaults(concrete);
      expect([name, check.messageRequest(body)]).toEqual([name, []]);
    }
  });

  it('refuses bodies that break the schema', () => {
    const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '4915112345678' };
    expect(check.messageRequest({ ...base, type: 'text', text: { body: 'hi', bold: true } })).not.toEqual([]);
    expect(check.messageRequest({ ...base, type: 'text', text: { body: 'hi' }, colour: 'red' })).not.toEqual(
      [],
    );
    expect(check.messageRequest({ ...base, type: 'image', image: {} })).not.toEqual([]);
    expect(check.messageRequest({ ...base, type: 'fax' })).not.toEqual([]);
    expect(
      check.messageRequest({
        ...base,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Pick' },
          action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'x'.repeat(21) } }] },
        },
      }),
    ).not.toEqual([]);
    expect(check.messageRequest({ messaging_product: 'whatsapp', status: 'read' })).not.toEqual([]);
    expect(check.webhook({ object: 'whatsapp_business_account', entry: [{ id: '1' }] })).not.toEqual([]);
    expect(
      check.webhook({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: '1', phone_number_id: '2' },
                  statuses: [{ id: 'wamid.1', status: 'bounced', timestamp: '1', recipient_id: '3' }],
                },
              },
            ],
          },
        ],
      }),
    ).not.toEqual([]);
  });
});
