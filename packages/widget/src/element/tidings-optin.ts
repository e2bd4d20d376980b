import type { ChannelsResponse, OptinStarted } from '../api/api-types.js';
import { type OptinClient, optinClient } from '../api/client.js';
import { channelOptions, parseChannels } from '../config/channels.js';
import { defaultCountry } from '../config/default-country.js';
import { type OfferedTransport, offeredTransports, parseTransports } from '../config/transports.js';
import { type FieldErrors, listOf } from '../flow/field-errors.js';
import { outcomeErrors } from '../flow/outcome-errors.js';
import { defaultPollTiming, type PollEnd, type PollTiming, startPolling } from '../flow/poller.js';
import { resolveLang, resolveStrings } from '../i18n/resolve-strings.js';
import {
  format,
  type Lang,
  parseOverrides,
  type StringOverrides,
  type WidgetStrings,
} from '../i18n/strings.js';
import { en } from '../i18n/strings-en.js';
import { loadPhone } from '../phone/load-phone.js';
import { loadQr } from '../qr/load-qr.js';
import { h } from '../view/dom.js';
import { chooseStep, messengerLabel } from '../view/steps/choose-step.js';
import { type FormStep, formStep } from '../view/steps/form-step.js';
import { linkStep } from '../view/steps/link-step.js';
import { loadingStep, messageStep } from '../view/steps/message-steps.js';
import type { Step } from '../view/steps/step.js';
import { styleSheet } from '../view/style-sheet.js';
import { styles } from '../view/styles.js';
import type { TidingsOptinEventMap } from './events.js';

const observed = [
  'endpoint',
  'lang',
  'transports',
  'channels',
  'country',
  'privacy-url',
  'logo',
  'poll-interval',
  'poll-max-interval',
] as const;

/** Lets server-side code import the package (for types, or to register later) where there is no DOM. */
const Base = (typeof HTMLElement === 'undefined' ? class {} : HTMLElement) as typeof HTMLElement;

/**
 * `<tidings-optin>`: sign-up with double opt-in for messenger newsletters. Talks to a Tidings handler
 * (`endpoint`); see the package README for attributes, parts, slots and strings.
 *
 * @example
 * <tidings-optin endpoint="/tidings" transports="whatsapp telegram" country="DE" privacy-url="/privacy"></tidings-optin>
 */
export class TidingsOptin extends Base {
  static readonly observedAttributes = observed;

  /** String overrides per language, e.g. `{ de: { submit: 'Jetzt anmelden' } }`. Set before or after connecting. */
  get strings(): StringOverrides {
    return this.#overrides;
  }
  set strings(value: StringOverrides) {
    this.#overrides = value ?? {};
    if (this.isConnected) this.#restart();
  }

  /** How often the status is polled while waiting; the `poll-interval` / `poll-max-interval` attributes set ms too. */
  get pollTiming(): PollTiming {
    const ms = (name: string) => {
      const value = Number(this.getAttribute(name));
      return Number.isFinite(value) && value > 0 ? value : null;
    };
    return {
      ...defaultPollTiming,
      ...this.#timing,
      ...(ms('poll-interval') ? { initialMs: ms('poll-interval')! } : {}),
      ...(ms('poll-max-interval') ? { maxMs: ms('poll-max-interval')! } : {}),
    };
  }
  set pollTiming(value: Partial<PollTiming>) {
    this.#timing = value ?? {};
  }

  #overrides: StringOverrides = {};
  #timing: Partial<PollTiming> = {};
  #root: ShadowRoot;
  #main: HTMLElement;
  #live: HTMLElement;
  #logo: HTMLImageElement;
  #acted = false;
  #generation = 0;
  #loaded: ChannelsResponse | null = null;
  #offered: OfferedTransport[] = [];
  #phone = '';
  #stopPolling: (() => void) | null = null;
  #form: FormStep | null = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const shared = styleSheet();
    if (shared) this.#root.adoptedStyleSheets = [shared];
    else this.#root.append(h('style', {}, styles));
    this.#main = h('div', { class: 'main' });
    this.#live = h('p', { class: 'sr', role: 'status', 'aria-live': 'polite', part: 'announcer' });
    this.#logo = h('img', { class: 'logo', part: 'logo', alt: '', hidden: true });
    this.#root.append(
      h(
        'div',
        { class: 'box', part: 'container' },
        h('slot', { name: 'header' }),
        this.#logo,
        this.#main,
        this.#live,
        h('slot', { name: 'footer' }),
      ),
    );
    // Focus follows the steps only once the visitor has used the widget: never steal it on page load.
    const acted = () => {
      this.#acted = true;
    };
    this.#root.addEventListener('pointerdown', acted);
    this.#root.addEventListener('keydown', acted);
  }

  connectedCallback(): void {
    this.#restart();
  }

  disconnectedCallback(): void {
    this.#generation++;
    this.#stop();
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (previous === value || !this.isConnected) return;
    if (name === 'logo') this.#showLogo();
    else if (!name.startsWith('poll-')) this.#restart();
  }

  /** The language in use: the element's `lang`, else the page's, else English. */
  get language(): Lang {
    return resolveLang(
      this.getAttribute('lang'),
      this.closest('[lang]')?.getAttribute('lang'),
      document.documentElement.lang,
    );
  }

  #strings(): WidgetStrings {
    return resolveStrings(this.language, this.#childOverrides(), this.#overrides);
  }

  /** `<script type="application/json" data-strings>{ "de": { … } }</script>` inside the element. */
  #childOverrides(): StringOverrides | undefined {
    const script = this.querySelector('script[type="application/json"][data-strings]');
    if (!script?.textContent) return undefined;
    try {
      return parseOverrides(JSON.parse(script.textContent), en);
    } catch {
      console.warn('<tidings-optin>: the data-strings script is not valid JSON; it is ignored.');
      return undefined;
    }
  }

  #client(): OptinClient {
    return optinClient(this.getAttribute('endpoint') ?? '/tidings', document.baseURI);
  }

  #stop(): void {
    this.#stopPolling?.();
    this.#stopPolling = null;
  }

  #showLogo(): void {
    const logo = this.getAttribute('logo');
    this.#logo.hidden = !logo;
    if (logo) this.#logo.src = logo;
    else this.#logo.removeAttribute('src');
  }

  #show(step: Step): void {
    this.#main.replaceChildren(step.root);
    if (this.#acted) step.heading.focus();
  }

  #announce(text: string): void {
    // Emptied first, so the same words twice in a row are read again.
    this.#live.textContent = '';
    requestAnimationFrame(() => {
      this.#live.textContent = text;
    });
  }

  /** Loads channels and messengers and shows the first step. */
  async #restart(): Promise<void> {
    const generation = ++this.#generation;
    this.#stop();
    this.#showLogo();
    const strings = this.#strings();
    this.#show(loadingStep(strings.loading));
    try {
      const loaded = await this.#client().channels(this.language);
      if (generation !== this.#generation) return;
      this.#loaded = loaded;
      this.#offered = offeredTransports(parseTransports(this.getAttribute('transports')), loaded.transports);
      if (this.#offered.length === 0) throw new Error('none of the requested transports is offered');
      this.#first();
      this.#emit('tidings-ready', { transports: this.#offered.map((t) => t.name) });
    } catch (error) {
      if (generation !== this.#generation) return;
      console.warn('<tidings-optin>: could not load', error);
      const step = messageStep('load-failed', strings.loadFailed, [], {
        label: strings.retry,
        onClick: () => void this.#restart(),
      });
      this.#show(step);
      this.#announce(strings.loadFailed);
    }
  }

  /** The first step: the choice of messenger, or straight to the form when there is only one. */
  #first(): void {
    const only = this.#offered.length === 1 ? this.#offered[0]! : null;
    if (only) {
      this.#openForm(only);
      return;
    }
    this.#show(chooseStep(this.#strings(), this.#offered, (t) => this.#openForm(t)));
  }

  #openForm(transport: OfferedTransport): void {
    this.#stop();
    const strings = this.#strings();
    const loaded = this.#loaded!;
    const form = formStep({
      strings,
      lang: this.language,
      transport,
      channels: channelOptions(loaded.channels, parseChannels(this.getAttribute('channels'))),
      notice: loaded.notice,
      privacyUrl: this.getAttribute('privacy-url'),
      country: (this.getAttribute('country') ?? defaultCountry(this.language)).toUpperCase(),
      phone: this.#phone,
      onBack: this.#offered.length > 1 ? () => this.#first() : null,
      onSubmit: () => void this.#submit(form, transport),
    });
    this.#form = form;
    this.#show(form);
    if (transport.addressKind === 'phone') {
      loadPhone().then(
        (lib) => {
          if (this.#form === form) form.usePhoneLib(lib);
        },
        // Without the library the number is still checked by the server.
        (error: unknown) => console.warn('<tidings-optin>: phone formatting unavailable', error),
      );
    }
  }

  async #submit(form: FormStep, transport: OfferedTransport): Promise<void> {
    const strings = this.#strings();
    const values = form.values();
    const byPhone = transport.addressKind === 'phone';
    this.#phone = values.phone;
    const local = byPhone ? await this.#checkPhone(values.phone, values.country, strings) : {};
    if (local.phone) return this.#fail(form, local, strings.checkFields);
    form.showErrors({}, false);
    form.setBusy(true, strings.submitting);
    this.#announce(strings.submitting);
    let outcome: Awaited<ReturnType<OptinClient['submit']>>;
    try {
      outcome = await this.#client().submit({
        transport: transport.name,
        ...(byPhone ? { phone: values.phone, country: values.country } : {}),
        channels: values.channels,
        locale: this.language,
        website: values.website,
      });
    } catch {
      outcome = { kind: 'failed', status: null };
    } finally {
      form.setBusy(false, strings.submit);
    }
    if (this.#form !== form) return;
    if (outcome.kind === 'started') {
      this.#waitFor(transport, outcome.started);
      return;
    }
    const { errors, announcement } = outcomeErrors(
      outcome,
      values.channels,
      this.#loaded!.channels,
      strings,
      this.language,
      Date.now(),
    );
    this.#fail(form, errors, announcement);
  }

  async #checkPhone(phone: string, country: string, strings: WidgetStrings): Promise<FieldErrors> {
    if (!phone) return { phone: strings.phoneRequired };
    const lib = await loadPhone().catch(() => null);
    return lib && !lib.toE164(phone, country) ? { phone: strings.phoneInvalid } : {};
  }

  #fail(form: FormStep, errors: FieldErrors, announcement: string): void {
    form.showErrors(errors, true);
    this.#announce(announcement);
  }

  #waitFor(transport: OfferedTransport, started: OptinStarted): void {
    const strings = this.#strings();
    const step = linkStep(strings, this.language, transport, started, () => this.#openForm(transport));
    this.#form = null;
    this.#show(step);
    this.#announce(strings.waiting);
    this.#emit('tidings-pending', { transport: transport.name, expiresAt: started.expiresAt });
    const label = format(strings.qrLabel, { messenger: messengerLabel(transport, strings) });
    loadQr().then(
      (qr) => step.showQr(qr.qrSvg(document, started.qr || started.link, label)),
      (error: unknown) => console.warn('<tidings-optin>: QR code unavailable', error),
    );
    const client = this.#client();
    this.#stopPolling = startPolling({
      token: started.token,
      expiresAt: Date.parse(started.expiresAt),
      timing: this.pollTiming,
      fetchStatus: (token, signal) => client.status(token, signal),
      onEnd: (end) => this.#finish(transport, end),
    }).stop;
  }

  #finish(transport: OfferedTransport, end: PollEnd): void {
    this.#stopPolling = null;
    const strings = this.#strings();
    if (end.status === 'confirmed') {
      const channels = listOf(
        end.channels.map((c) => c.name),
        this.language,
      );
      this.#phone = '';
      this.#show(
        messageStep(
          'done',
          strings.doneHeading,
          [format(strings.doneText, { channels }), strings.doneStop],
          null,
        ),
      );
      this.#announce(`${strings.doneHeading} ${format(strings.doneText, { channels })}`);
      this.#emit('tidings-confirmed', { transport: transport.name, channels: end.channels });
    } else {
      this.#show(
        messageStep('expired', strings.expiredHeading, [strings.expiredText], {
          label: strings.startAgain,
          onClick: () => this.#openForm(transport),
        }),
      );
      this.#announce(strings.expiredHeading);
      this.#emit('tidings-expired', { transport: transport.name });
    }
  }

  #emit<K extends keyof TidingsOptinEventMap>(type: K, detail: TidingsOptinEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
