import { html, trustedHtml } from '../html.js';
import { layout, type Page } from './layout.js';

export type PageLang = 'en' | 'de';

const texts = {
  en: {
    title: 'Sign up',
    lead: 'This demo runs on sandbox messengers: your “phone” is the simulator that the link opens in another tab.',
  },
  de: {
    title: 'Anmelden',
    lead: 'Diese Demo läuft auf Sandbox-Messengern: Dein „Handy“ ist der Simulator, den der Link in einem neuen Tab öffnet.',
  },
};

/**
 * The sandboxes stand in for real messengers; the labels say so, in both languages. Everything else is the
 * widget's own text.
 */
const widgetStrings = {
  en: {
    whatsapp: 'WhatsApp (sandbox)',
    telegram: 'Telegram (sandbox)',
    messenger: 'Messenger (sandbox)',
    saveNumber: 'Our (sandbox) number:',
  },
  de: {
    whatsapp: 'WhatsApp (Sandbox)',
    telegram: 'Telegram (Sandbox)',
    messenger: 'Messenger (Sandbox)',
    saveNumber: 'Unsere (Sandbox-)Nummer:',
  },
};

/** JSON inside a script element: `<` escaped, so no text can close the element. */
const stringsJson = (real: RealMessengers) => {
  const names = (lang: PageLang) => ({
    ...(real.telegram ? { telegram: 'Telegram' } : {}),
    ...(real.messenger ? { messenger: 'Messenger' } : {}),
    ...(real.whatsapp
      ? { whatsapp: 'WhatsApp', saveNumber: lang === 'en' ? 'Our number:' : 'Unsere Nummer:' }
      : {}),
  });
  const strings = {
    en: { ...widgetStrings.en, ...names('en') },
    de: { ...widgetStrings.de, ...names('de') },
  };
  return trustedHtml(JSON.stringify(strings).replace(/</g, '\\u003c'));
};

/** Real messengers the demo runs beside the sandboxes: the page offers them instead of their sandboxes. */
export interface RealMessengers {
  telegram?: boolean;
  messenger?: boolean;
  whatsapp?: boolean;
}

/**
 * `GET /?lang=en|de`: the sign-up page, which is the `<tidings-optin>` widget talking to Tidings under
 * `/tidings/` (F1, F3, F4). Each sandbox is offered as the messenger it plays; a real Telegram bot, when the demo
 * runs one, replaces the Telegram sandbox; a real Messenger page replaces the Messenger sandbox, a real WhatsApp
 * number the WhatsApp sandbox.
 */
export function signupPage(businessName: string, lang: PageLang, real: RealMessengers = {}): Page {
  const t = texts[lang];
  const other: PageLang = lang === 'en' ? 'de' : 'en';
  const body = html`<main class="card">
<nav class="langs" aria-label="${lang === 'en' ? 'Language' : 'Sprache'}">
  <a href="/?lang=${other}" lang="${other}" hreflang="${other}">${other === 'de' ? 'Deutsch' : 'English'}</a>
</nav>
<header>
  <h1 class="brand">${businessName}</h1>
  <p class="lead">${t.lead}</p>
</header>
<tidings-optin endpoint="/tidings" lang="${lang}" country="DE" privacy-url="/privacy"
  transports="${real.whatsapp ? 'whatsapp' : 'sandbox'}=whatsapp ${real.telegram ? 'telegram' : 'sandbox-telegram'}=telegram ${real.messenger ? 'messenger' : 'sandbox-messenger'}=messenger">
  <script type="application/json" data-strings>${stringsJson(real)}</script>
</tidings-optin>
</main>`;
  return layout({ title: `${t.title} · ${businessName}`, body, moduleSrc: '/widget/tidings-optin.js', lang });
}
