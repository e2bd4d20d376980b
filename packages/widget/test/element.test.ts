// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineTidingsOptin } from '../src/define.js';
import type { TidingsOptin } from '../src/element/tidings-optin.js';

const channelsBody = {
  channels: [
    { slug: 'news', name: 'News', description: null, isDefault: true },
    { slug: 'sport', name: 'Sport', description: 'Results', isDefault: false },
  ],
  notice: 'I agree to receive news from Shop.',
  transports: [
    { name: 'wa', addressKind: 'phone' },
    { name: 'tg', addressKind: 'opaque' },
  ],
};

const started = {
  status: 'pending',
  token: 'abcdefghij0123456789',
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  transport: 'tg',
  phone: null,
  sender: '@shop_bot',
  link: 'https://t.me/shop_bot?start=abcdefghij0123456789',
  text: null,
  qr: 'https://t.me/shop_bot?start=abcdefghij0123456789',
  channels: ['sport'],
  notice: channelsBody.notice,
};

let posted: unknown[] = [];
let statuses: unknown[] = [];

beforeAll(() => {
  defineTidingsOptin();
  defineTidingsOptin(); // a second call is harmless
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

function stubFetch() {
  posted = [];
  // Pending until a test empties the list; then confirmed.
  statuses = Array.from({ length: 10_000 }, () => ({
    status: 'pending',
    expiresAt: started.expiresAt,
    channels: [],
  }));
  vi.stubGlobal('fetch', async (input: URL | string, init?: RequestInit) => {
    const url = String(input);
    if (url.includes('/channels')) return Response.json(channelsBody);
    if (init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return Response.json(started, { status: 202 });
    }
    return Response.json(
      statuses.shift() ?? {
        status: 'confirmed',
        expiresAt: '',
        channels: [
          { slug: 'news', name: 'News' },
          { slug: 'sport', name: 'Sport' },
        ],
      },
    );
  });
}

async function mount(attributes: Record<string, string>, inner = ''): Promise<TidingsOptin> {
  stubFetch();
  const element = document.createElement('tidings-optin') as TidingsOptin;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.innerHTML = inner;
  element.pollTiming = { initialMs: 1, maxMs: 5 };
  document.body.append(element);
  return element;
}

const $ = (element: TidingsOptin, selector: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(selector);
const heading = (element: TidingsOptin) => $(element, 'h2')?.textContent;

describe('<tidings-optin>', () => {
  it('offers the messengers named, with labels by kind, and goes to the form of the one picked', async () => {
    const element = await mount({ endpoint: '/t', lang: 'en', transports: 'wa=whatsapp tg=telegram' });
    await vi.waitFor(() => expect(heading(element)).toBe('Get our news on your messenger'));
    const buttons = [...element.shadowRoot!.querySelectorAll('[part~="messenger"]')];
    expect(buttons.map((b) => b.textContent)).toEqual(['WhatsApp', 'Telegram']);
    (buttons[1] as HTMLButtonElement).click();
    expect(heading(element)).toBe('Sign up via Telegram');
    expect($(element, '#tidings-phone')).toBeNull();
    expect($(element, '[part~="notice"]')?.textContent).toBe('I agree to receive news from Shop.');
  });

  it('goes straight to the form when one messenger is offered; signs up, shows the link, confirms', async () => {
    const element = await mount({
      endpoint: '/t',
      lang: 'de',
      transports: 'tg=telegram',
      channels: '+sport',
      'privacy-url': '/datenschutz',
    });
    const events: string[] = [];
    for (const type of ['tidings-pending', 'tidings-confirmed'])
      element.addEventListener(type, () => events.push(type));
    await vi.waitFor(() => expect(heading(element)).toBe('Anmelden über Telegram'));
    expect(($(element, '#tidings-channel-sport') as HTMLInputElement).checked).toBe(true);
    expect($(element, '[part~="privacy-link"]')?.getAttribute('href')).toBe('/datenschutz');
    ($(element, 'form') as HTMLFormElement).requestSubmit();
    await vi.waitFor(() => expect(heading(element)).toBe('In Telegram bestätigen'));
    expect(posted).toEqual([{ transport: 'tg', channels: ['sport'], locale: 'de', website: '' }]);
    expect($(element, '[part~="open-link"]')?.getAttribute('href')).toBe(started.link);
    expect($(element, '[part~="sender"]')).toBeNull(); // no number to save for a messenger without numbers
    statuses = [];
    await vi.waitFor(() => expect(heading(element)).toBe('Du bist dabei!'));
    expect($(element, '[part~="done-text"]')?.textContent).toBe('Du bekommst: News und Sport.');
    expect(events).toEqual(['tidings-pending', 'tidings-confirmed']);
  });

  it('takes the page’s language and strings from a JSON child and the strings property', async () => {
    document.documentElement.lang = 'de-AT';
    const element = await mount(
      { transports: 'wa' },
      '<script type="application/json" data-strings>{"de":{"formHeading":"Jetzt per {messenger}"}}</script>',
    );
    await vi.waitFor(() => expect(heading(element)).toBe('Jetzt per wa'));
    element.strings = { de: { formHeading: 'Hallo {messenger}' } };
    await vi.waitFor(() => expect(heading(element)).toBe('Hallo wa'));
    expect(element.language).toBe('de');
    document.documentElement.lang = '';
  });

  it('says so, with a way to retry, when the channels cannot be loaded', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mount({ lang: 'en' });
    vi.stubGlobal('fetch', async () => new Response('down', { status: 503 }));
    element.setAttribute('endpoint', '/elsewhere'); // restarts with the failing fetch
    await vi.waitFor(() => expect(heading(element)).toBe('The sign-up could not be loaded.'));
    expect($(element, 'button')?.textContent).toBe('Try again');
  });
});
