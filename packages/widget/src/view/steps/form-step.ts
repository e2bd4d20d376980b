import type { ChannelOption } from '../../config/channels.js';
import type { OfferedTransport } from '../../config/transports.js';
import type { FieldErrors } from '../../flow/field-errors.js';
import { format, type WidgetStrings } from '../../i18n/strings.js';
import type { PhoneLib } from '../../phone/load-phone.js';
import { h } from '../dom.js';
import { messengerLabel } from './choose-step.js';
import { type Step, stepHeading, stepRoot } from './step.js';

export interface FormInput {
  strings: WidgetStrings;
  lang: string;
  transport: OfferedTransport;
  channels: ChannelOption[];
  notice: string;
  privacyUrl: string | null;
  country: string;
  /** What was typed before, when the visitor comes back to the form. */
  phone: string;
  /** Offer "choose another messenger". */
  onBack: (() => void) | null;
  onSubmit: () => void;
}

export interface FormValues {
  phone: string;
  country: string;
  channels: string[];
  website: string;
}

export interface FormStep extends Step {
  values(): FormValues;
  /** Shows the errors at their fields (clearing the rest) and focuses the first field to fix. */
  showErrors(errors: FieldErrors, focus: boolean): void;
  setBusy(busy: boolean, label: string): void;
  /** Switches on formatting and the full country list once libphonenumber-js has arrived. */
  usePhoneLib(lib: PhoneLib): void;
}

/** Step 2: phone (for phone messengers), channels, the consent notice, the honeypot and the button. */
export function formStep(input: FormInput): FormStep {
  const { strings, transport } = input;
  const messenger = messengerLabel(transport, strings);
  const byPhone = transport.addressKind === 'phone';
  const heading = stepHeading(format(strings.formHeading, { messenger }), 'tidings-form');
  let lib: PhoneLib | null = null;

  const regions = new Intl.DisplayNames([input.lang], { type: 'region', fallback: 'code' });
  const country = h('select', {
    id: 'tidings-country',
    name: 'country',
    part: 'select country',
    autocomplete: 'country',
  });
  country.append(h('option', { value: input.country }, regions.of(input.country) ?? input.country));
  const phone = h('input', {
    id: 'tidings-phone',
    name: 'phone',
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'tel',
    part: 'input phone',
    'aria-describedby': 'tidings-phone-hint tidings-phone-error',
  });
  phone.value = input.phone;
  const phoneError = h('p', { id: 'tidings-phone-error', class: 'error', part: 'error' });
  const phoneField =
    byPhone &&
    h(
      'div',
      { class: 'field', part: 'field phone-field' },
      h('label', { for: 'tidings-phone' }, strings.phoneLabel),
      h(
        'div',
        { class: 'phone' },
        h('label', { for: 'tidings-country', class: 'sr' }, strings.countryLabel),
        country,
        phone,
      ),
      h('p', { id: 'tidings-phone-hint', class: 'hint' }, format(strings.phoneHint, { messenger })),
      phoneError,
    );

  const channelsError = h('p', { id: 'tidings-channels-error', class: 'error', part: 'error' });
  const boxes = input.channels.map((channel) => {
    const box = h('input', {
      type: 'checkbox',
      id: `tidings-channel-${channel.slug}`,
      value: channel.slug,
      part: 'checkbox',
      checked: channel.checked,
      disabled: channel.fixed,
    });
    box.checked = channel.checked;
    const label = h(
      'label',
      { for: box.id },
      channel.fixed ? `${channel.name} (${strings.channelAlways})` : channel.name,
      channel.description && h('span', { class: 'hint' }, channel.description),
    );
    return { channel, box, row: h('div', { class: 'choice', part: 'choice' }, box, label) };
  });
  const channelsField = h(
    'fieldset',
    { class: 'field', part: 'field channels', 'aria-describedby': 'tidings-channels-error' },
    h('legend', {}, strings.channelsLegend),
    ...boxes.map((b) => b.row),
    channelsError,
  );

  const privacy =
    input.privacyUrl &&
    h(
      'a',
      { href: input.privacyUrl, target: '_blank', rel: 'noopener', part: 'privacy-link' },
      strings.privacyLink,
    );
  const notice = h(
    'p',
    { class: 'notice', part: 'notice', id: 'tidings-notice' },
    input.notice,
    privacy && ' ',
    privacy,
  );

  // Bots fill every field; people never see this one, and assistive technology skips it (inert).
  const website = h('input', {
    type: 'text',
    id: 'tidings-website',
    name: 'website',
    tabindex: '-1',
    autocomplete: 'off',
  });
  const honeypot = h(
    'div',
    { class: 'honeypot', inert: true, 'aria-hidden': 'true' },
    h('label', { for: 'tidings-website' }, strings.honeypotLabel),
    website,
  );

  const submit = h(
    'button',
    { type: 'submit', class: 'primary', part: 'button submit', 'aria-describedby': 'tidings-notice' },
    strings.submit,
  );
  const back =
    input.onBack && h('button', { type: 'button', class: 'secondary', part: 'button back' }, strings.back);
  if (back) back.addEventListener('click', input.onBack!);
  const formError = h('p', { id: 'tidings-form-error', class: 'error', part: 'error form-error' });

  const form = h(
    'form',
    { novalidate: true, part: 'form' },
    phoneField,
    channelsField,
    notice,
    honeypot,
    formError,
    h('div', { class: 'actions' }, submit, back),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    input.onSubmit();
  });

  const setFieldError = (field: HTMLElement, message: HTMLElement, text: string | undefined) => {
    message.textContent = text ?? '';
    if (text) field.setAttribute('aria-invalid', 'true');
    else field.removeAttribute('aria-invalid');
  };

  phone.addEventListener('input', (event) => {
    if (phone.getAttribute('aria-invalid')) setFieldError(phone, phoneError, undefined);
    // Format while typing at the end; a deletion or an edit in the middle is left as the person made it.
    const deleting = (event as InputEvent).inputType?.startsWith('delete');
    if (!lib || deleting || phone.selectionStart !== phone.value.length) return;
    const formatted = lib.formatAsYouType(phone.value, country.value);
    phone.value = formatted.text;
    if (formatted.country && [...country.options].some((o) => o.value === formatted.country)) {
      country.value = formatted.country;
    }
  });
  phone.addEventListener('blur', () => {
    // Say so when leaving a number that cannot be right; an empty field waits for the button.
    if (lib && phone.value.trim() && !lib.toE164(phone.value, country.value)) {
      setFieldError(phone, phoneError, strings.phoneInvalid);
    }
  });

  return {
    root: stepRoot('form', heading, form),
    heading,
    values: () => ({
      phone: phone.value.trim(),
      country: country.value,
      channels: boxes.filter((b) => !b.channel.fixed && b.box.checked).map((b) => b.channel.slug),
      website: website.value,
    }),
    showErrors(errors, focus) {
      setFieldError(phone, phoneError, errors.phone);
      channelsError.textContent = errors.channels ?? '';
      formError.textContent = errors.form ?? '';
      if (!focus) return;
      if (errors.phone) phone.focus();
      // A channel the server no longer has is one of those ticked: start there.
      else if (errors.channels) boxes.find((b) => !b.channel.fixed && b.box.checked)?.box.focus();
    },
    setBusy(busy, label) {
      submit.disabled = busy;
      submit.textContent = label;
    },
    usePhoneLib(loaded) {
      lib = loaded;
      const chosen = country.value;
      country.replaceChildren(
        ...loaded
          .countries(input.lang)
          .map((c) => h('option', { value: c.code }, `${c.name} (+${c.callingCode})`)),
      );
      country.value = chosen;
      if (phone.value) phone.value = loaded.formatAsYouType(phone.value, chosen).text;
    },
  };
}
