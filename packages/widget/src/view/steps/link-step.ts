import type { OptinStarted } from '../../api/api-types.js';
import type { OfferedTransport } from '../../config/transports.js';
import { format, type WidgetStrings } from '../../i18n/strings.js';
import { h, icon } from '../dom.js';
import { messengerIcons } from '../icons.js';
import { messengerLabel } from './choose-step.js';
import { type Step, stepHeading, stepRoot } from './step.js';

export interface LinkStep extends Step {
  /** Puts the QR code in place once the encoder has loaded. */
  showQr(svg: SVGSVGElement): void;
}

/**
 * Step 3: the number to save (phone messengers), the "Open …" button with the deep link, the QR code of it,
 * short instructions and the live status line.
 */
export function linkStep(
  strings: WidgetStrings,
  lang: string,
  transport: OfferedTransport,
  started: OptinStarted,
  onStartAgain: () => void,
): LinkStep {
  const messenger = messengerLabel(transport, strings);
  const heading = stepHeading(format(strings.linkHeading, { messenger }), 'tidings-link');
  const byPhone = transport.addressKind === 'phone';
  const open = h(
    'a',
    {
      href: started.link,
      target: '_blank',
      rel: 'noopener',
      class: 'button primary',
      part: 'button open-link',
    },
    icon(messengerIcons[transport.kind ?? 'generic']),
    format(strings.open, { messenger }),
  );
  const steps = h(
    'ol',
    { class: 'steps', part: 'instructions' },
    h('li', {}, format(strings.stepOpen, { messenger })),
    started.text
      ? h(
          'li',
          {},
          ...splitAround(
            format(strings.stepSend, { text: '\u0000' }),
            h('code', { part: 'prepared-text' }, started.text),
          ),
        )
      : h('li', {}, strings.stepStart),
  );
  const qr = h('figure', { class: 'qr', part: 'qr' }, h('figcaption', { class: 'hint' }, strings.qrHint));
  const again = h(
    'button',
    { type: 'button', class: 'secondary', part: 'button start-again' },
    strings.startAgain,
  );
  again.addEventListener('click', onStartAgain);
  const root = stepRoot(
    'link',
    heading,
    h('p', { class: 'muted' }, format(strings.linkIntro, { messenger })),
    byPhone &&
      h(
        'p',
        { part: 'save-number' },
        strings.saveNumber,
        ' ',
        h('span', { class: 'sender', part: 'sender' }, started.sender),
      ),
    h('div', { class: 'actions' }, open),
    steps,
    qr,
    h(
      'p',
      { class: 'status', part: 'status' },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      strings.waiting,
    ),
    h(
      'p',
      { class: 'hint' },
      format(strings.validUntil, {
        time: new Date(started.expiresAt).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }),
      }),
    ),
    h('div', { class: 'actions' }, again),
  );
  return {
    root,
    heading,
    showQr(svg) {
      svg.setAttribute('part', 'qr-code');
      qr.prepend(svg);
    },
  };
}

/** The text around a marker, with `node` in its place: a translation decides where the code goes. */
function splitAround(text: string, node: Node): (string | Node)[] {
  const [before = '', after = ''] = text.split('\u0000');
  return [before, node, after];
}
