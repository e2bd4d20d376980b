import { type MessengerTransport, messengerTransport } from '@tidings/transport-messenger';

export interface RealMessengerOptions {
  pageId: string;
  /** A page access token with pages_messaging. */
  accessToken: string;
  appSecret: string;
  /** What you enter as the verify token beside the callback URL in the app dashboard. */
  verifyToken: string;
  /** The page's username, for `m.me/<name>` links; the page id works too. */
  pageName?: string;
  /** Default `https://graph.facebook.com`; the tests point it at the fake Messenger. */
  baseUrl?: string;
}

/**
 * A real Facebook page over the Messenger Platform. Messenger only calls webhooks, so Meta must reach
 * `<public URL>/tidings/webhooks/messenger` (a tunnel to this laptop will do).
 */
export function realMessenger(options: RealMessengerOptions): MessengerTransport {
  return messengerTransport({
    pages: [
      {
        pageId: options.pageId,
        accessToken: options.accessToken,
        ...(options.pageName ? { name: options.pageName } : {}),
      },
    ],
    appSecret: options.appSecret,
    verifyToken: options.verifyToken,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
}

const variables = [
  'MESSENGER_PAGE_ID',
  'MESSENGER_PAGE_TOKEN',
  'MESSENGER_APP_SECRET',
  'MESSENGER_VERIFY_TOKEN',
];

/** The page from `MESSENGER_*` variables: all four or none (then the Messenger sandbox stays). */
export function messengerFromEnv(env: NodeJS.ProcessEnv): RealMessengerOptions | null {
  const given = variables.filter((name) => env[name]);
  if (given.length === 0) return null;
  if (given.length < variables.length) {
    const missing = variables.filter((name) => !env[name]).join(', ');
    throw new Error(`A real Messenger page needs ${variables.join(', ')}; missing: ${missing}.`);
  }
  return {
    pageId: env.MESSENGER_PAGE_ID!,
    accessToken: env.MESSENGER_PAGE_TOKEN!,
    appSecret: env.MESSENGER_APP_SECRET!,
    verifyToken: env.MESSENGER_VERIFY_TOKEN!,
    ...(env.MESSENGER_PAGE_NAME ? { pageName: env.MESSENGER_PAGE_NAME } : {}),
    ...(env.MESSENGER_GRAPH_URL ? { baseUrl: env.MESSENGER_GRAPH_URL } : {}),
  };
}
