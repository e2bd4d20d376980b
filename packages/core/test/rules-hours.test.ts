import { describe, expect, it } from 'vitest';
import { createTidings, sandboxTransport, silentLogger } from '../src/index.js';
import { manualClock, playSubscriber } from '../src/testing/index.js';

/** A Tidings whose manual clock starts at `start`, with `rules` set, and one subscriber's phone. */
async function at(start: string, rules: string) {
  const clock = manualClock(Date.parse(start));
  const sandbox = sandboxTransport();
  const tidings = createTidings({
    clock,
    transports: [sandbox],
    logger: silentLogger,
    subscribeOnFirstMessage: false,
  });
  await tidings.start();
  await tidings.rules.set(rules);
  const phone = playSubscriber(sandbox, '+436641234567');
  /** Moves the clock to `iso`, writes, and returns what came back. */
  const writeAt = async (iso: string) => {
    await clock.setTime(Date.parse(iso));
    await phone.send('Hallo?');
    return phone.newTexts();
  };
  return { tidings, writeAt };
}

const AWAY = 'when outside hours mon-fri 09:00-18:00 Europe/Vienna then reply "Wir antworten ab 9 Uhr."';
const NIGHT = 'when inside hours sun 02:00-03:00 Europe/Vienna then reply "night"';
const EARLY = 'when inside hours sun 08:00-09:00 Europe/Vienna then reply "early"';

describe('business hours across daylight saving time in Europe/Vienna (manual clock)', () => {
  it('spring forward (2026-03-29, 02:00 CET → 03:00 CEST): the skipped hour never opens, later hours shift', async () => {
    const { writeAt } = await at('2026-03-29T00:30:00Z', `${NIGHT}\n${EARLY}`);
    expect(await writeAt('2026-03-29T00:30:00Z')).toEqual([]); // 01:30 CET
    expect(await writeAt('2026-03-29T00:59:00Z')).toEqual([]); // 01:59 CET
    expect(await writeAt('2026-03-29T01:00:00Z')).toEqual([]); // 03:00 CEST: 02:00–03:00 did not happen
    expect(await writeAt('2026-03-29T06:30:00Z')).toEqual(['early']); // 08:30 CEST (07:30 by winter time)
    expect(await writeAt('2026-03-29T07:30:00Z')).toEqual([]); // 09:30 CEST
  });

  it('spring forward: opening hours follow the wall clock on the Monday after', async () => {
    const { writeAt } = await at('2026-03-27T07:00:00Z', AWAY);
    expect(await writeAt('2026-03-27T07:30:00Z')).toEqual(['Wir antworten ab 9 Uhr.']); // Fri 08:30 CET
    expect(await writeAt('2026-03-27T08:30:00Z')).toEqual([]); // Fri 09:30 CET
    expect(await writeAt('2026-03-27T17:00:00Z')).toEqual(['Wir antworten ab 9 Uhr.']); // Fri 18:00 CET
    expect(await writeAt('2026-03-30T06:30:00Z')).toEqual(['Wir antworten ab 9 Uhr.']); // Mon 08:30 CEST
    expect(await writeAt('2026-03-30T07:30:00Z')).toEqual([]); // Mon 09:30 CEST
    expect(await writeAt('2026-03-30T15:59:00Z')).toEqual([]); // Mon 17:59 CEST
    expect(await writeAt('2026-03-30T16:00:00Z')).toEqual(['Wir antworten ab 9 Uhr.']); // Mon 18:00 CEST
  });

  it('fall back (2026-10-25, 03:00 CEST → 02:00 CET): the repeated hour is open twice', async () => {
    const { writeAt } = await at('2026-10-24T23:00:00Z', NIGHT);
    expect(await writeAt('2026-10-24T23:59:00Z')).toEqual([]); // 01:59 CEST
    expect(await writeAt('2026-10-25T00:00:00Z')).toEqual(['night']); // 02:00 CEST
    expect(await writeAt('2026-10-25T00:59:00Z')).toEqual(['night']); // 02:59 CEST
    expect(await writeAt('2026-10-25T01:00:00Z')).toEqual(['night']); // 02:00 CET, the hour again
    expect(await writeAt('2026-10-25T01:59:00Z')).toEqual(['night']); // 02:59 CET
    expect(await writeAt('2026-10-25T02:00:00Z')).toEqual([]); // 03:00 CET
  });

  it('fall back: opening hours follow the wall clock on the Monday after', async () => {
    const { writeAt } = await at('2026-10-23T05:00:00Z', AWAY);
    expect(await writeAt('2026-10-23T06:30:00Z')).toEqual(['Wir antworten ab 9 Uhr.']); // Fri 08:30 CEST
    expect(await writeAt('2026-10-23T07:00:00Z')).toEqual([]); // Fri 09:00 CEST
    expect(await writeAt('2026-10-26T07:30:00Z')).toEqual(['Wir antworten ab 9 Uhr.']); // Mon 08:30 CET
    expect(await writeAt('2026-10-26T08:00:00Z')).toEqual([]); // Mon 09:00 CET
    expect(await writeAt('2026-10-26T16:59:00Z')).toEqual([]); // Mon 17:59 CET
    expect(await writeAt('2026-10-26T17:00:00Z')).toEqual(['Wir antworten ab 9 Uhr.']); // Mon 18:00 CET
  });

  it('several ranges, ranges past midnight and holidays', async () => {
    const { tidings } = await at(
      '2026-12-23T12:00:00Z',
      'when inside hours mon-fri 09:00-12:00, 13:00-17:00, fri 22:00-02:00 Europe/Vienna except 2026-12-24 then reply "open"',
    );
    const open = async (iso: string) =>
      (await tidings.rules.explain({ text: 'x' }, Date.parse(iso))).runs.length === 1;
    expect(await open('2026-12-23T10:00:00Z')).toBe(true); // Wed 11:00
    expect(await open('2026-12-23T11:30:00Z')).toBe(false); // Wed 12:30, lunch
    expect(await open('2026-12-23T12:00:00Z')).toBe(true); // Wed 13:00
    expect(await open('2026-12-24T10:00:00Z')).toBe(false); // Thu 11:00, a holiday
    expect(await open('2026-12-25T21:30:00Z')).toBe(true); // Fri 22:30
    expect(await open('2026-12-26T00:30:00Z')).toBe(true); // Sat 01:30, Friday's late range
    expect(await open('2026-12-26T01:30:00Z')).toBe(false); // Sat 02:30
    const why = (await tidings.rules.explain({ text: 'x' }, Date.parse('2026-12-24T10:00:00Z'))).rules[0]!
      .why;
    expect(why).toBe(
      'it is Thu 2026-12-24 11:00 in Europe/Vienna: a holiday by mon-fri 09:00-12:00, mon-fri 13:00-17:00, fri 22:00-02:00',
    );
  });
});
