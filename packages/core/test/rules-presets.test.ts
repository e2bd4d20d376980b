import { describe, expect, it } from 'vitest';
import {
  awayMessagePreset,
  compileRules,
  greetingPreset,
  instantReplyPreset,
  messengerAssistantPreset,
} from '../src/index.js';
import { setup } from './setup.js';

const hours = { hours: 'mon-fri 09:00-12:00, 13:00-18:00', zone: 'Europe/Vienna' };

describe('the messenger-page assistant presets (F31)', () => {
  it('are a few lines of the language each', () => {
    expect(awayMessagePreset({ ...hours, reply: 'Wir antworten ab 9 Uhr.' })).toBe(
      'when outside hours mon-fri 09:00-12:00, 13:00-18:00 Europe/Vienna then reply "Wir antworten ab 9 Uhr."\n',
    );
    expect(instantReplyPreset({ reply: 'Danke! Wir melden uns "gleich".' })).toBe(
      'when not call then reply "Danke! Wir melden uns \\"gleich\\"."\n',
    );
    expect(greetingPreset({ reply: 'Hallo {name}!' })).toBe(
      'when first message then reply "Hallo {name}!", stop\n',
    );
    const all = messengerAssistantPreset({
      ...hours,
      greeting: 'Hallo {name}!',
      away: 'Später.',
      instant: 'Gleich.',
    });
    expect(compileRules(all).rules.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('greet newcomers, answer at once during hours and with the away message outside them', async () => {
    const { tidings, sandbox, clock, phone } = await setup();
    await tidings.rules.set(
      messengerAssistantPreset({
        ...hours,
        greeting: 'Hallo {name}, willkommen!',
        away: 'Wir antworten ab 9 Uhr.',
        instant: 'Danke! Wir melden uns gleich.',
      }),
    );
    const erika = phone('+436641234567');
    await sandbox.simulateInbound({ from: erika.address, text: 'Hallo', profileName: 'Erika' }); // Mon 10:00
    expect(erika.newTexts()).toEqual(['Welcome to the news!', 'Hallo Erika, willkommen!']);
    await erika.send('Habt ihr offen?');
    expect(erika.newTexts()).toEqual(['Danke! Wir melden uns gleich.']);
    await sandbox.simulateCall(erika.address);
    expect(erika.newTexts()).toEqual([]);
    await clock.setTime(Date.parse('2026-06-01T10:30:00Z')); // 12:30, lunch
    await erika.send('Hallo?');
    expect(erika.newTexts()).toEqual(['Wir antworten ab 9 Uhr.']);
    await clock.setTime(Date.parse('2026-06-06T09:00:00Z')); // Saturday
    await erika.send('Hallo?');
    expect(erika.newTexts()).toEqual(['Wir antworten ab 9 Uhr.']);
  });
});
