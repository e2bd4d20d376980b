/**
 * Every text the widget shows. `{name}` placeholders are filled in when shown. Override any of them per
 * language with the `strings` property or a `<script type="application/json" data-strings>` child.
 */
export interface WidgetStrings {
  loading: string;
  loadFailed: string;
  retry: string;
  chooseHeading: string;
  chooseIntro: string;
  /** `{messenger}`: the messenger's label. */
  formHeading: string;
  countryLabel: string;
  phoneLabel: string;
  /** `{messenger}` */
  phoneHint: string;
  channelsLegend: string;
  channelAlways: string;
  noticeHeading: string;
  privacyLink: string;
  honeypotLabel: string;
  submit: string;
  submitting: string;
  back: string;
  phoneRequired: string;
  phoneInvalid: string;
  /** `{channel}`: the channel's name (or slug). */
  channelUnavailable: string;
  invalidInput: string;
  checkFields: string;
  /** `{when}`: `retryInSeconds` or `retryAt`. */
  rateLimited: string;
  /** `{seconds}` */
  retryInSeconds: string;
  /** `{time}`: a clock time. */
  retryAt: string;
  retryLater: string;
  network: string;
  failed: string;
  /** `{messenger}` */
  linkHeading: string;
  /** `{messenger}` */
  linkIntro: string;
  saveNumber: string;
  /** `{messenger}` */
  open: string;
  /** `{messenger}` */
  stepOpen: string;
  /** `{text}`: the prepared message. */
  stepSend: string;
  stepStart: string;
  /** `{messenger}` */
  qrLabel: string;
  qrHint: string;
  waiting: string;
  /** `{time}` */
  validUntil: string;
  startAgain: string;
  doneHeading: string;
  /** `{channels}`: the channels' names as a list. */
  doneText: string;
  doneStop: string;
  expiredHeading: string;
  expiredText: string;
  /** Labels of the messenger kinds the `transports` attribute can name. */
  whatsapp: string;
  telegram: string;
  messenger: string;
}

export type Lang = 'de' | 'en';

/** Overrides for one or both languages. */
export type StringOverrides = { [L in Lang]?: Partial<WidgetStrings> };

/** Fills `{name}` placeholders; unknown ones stay as they are, so a typo shows instead of vanishing. */
export function format(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}

/** Reads overrides from untrusted JSON: only known keys with string values are kept. */
export function parseOverrides(json: unknown, known: WidgetStrings): StringOverrides {
  const result: StringOverrides = {};
  if (typeof json !== 'object' || json === null) return result;
  for (const lang of ['de', 'en'] as const) {
    const entry = (json as Record<string, unknown>)[lang];
    if (typeof entry !== 'object' || entry === null) continue;
    const strings: Partial<WidgetStrings> = {};
    for (const [key, value] of Object.entries(entry)) {
      if (key in known && typeof value === 'string') strings[key as keyof WidgetStrings] = value;
    }
    result[lang] = strings;
  }
  return result;
}
