import type { OfferedTransport } from '../../config/transports.js';
import type { WidgetStrings } from '../../i18n/strings.js';
import { h, icon } from '../dom.js';
import { messengerIcons } from '../icons.js';
import { type Step, stepHeading, stepRoot } from './step.js';

/** The messenger's label: the kind's (overridable) label, or the transport's name. */
export function messengerLabel(transport: OfferedTransport, strings: WidgetStrings): string {
  return transport.kind ? strings[transport.kind] : transport.name;
}

/** Step 1 when more than one messenger is offered: one button each. */
export function chooseStep(
  strings: WidgetStrings,
  transports: OfferedTransport[],
  onPick: (transport: OfferedTransport) => void,
): Step {
  const heading = stepHeading(strings.chooseHeading, 'tidings-choose');
  const list = h('ul', { class: 'messengers', part: 'messengers' });
  for (const transport of transports) {
    const button = h(
      'button',
      {
        type: 'button',
        part: `button messenger messenger-${transport.kind ?? 'other'}`,
        'data-transport': transport.name,
      },
      icon(messengerIcons[transport.kind ?? 'generic']),
      messengerLabel(transport, strings),
    );
    button.addEventListener('click', () => onPick(transport));
    list.append(h('li', {}, button));
  }
  return {
    root: stepRoot('choose', heading, h('p', { class: 'muted' }, strings.chooseIntro), list),
    heading,
  };
}
