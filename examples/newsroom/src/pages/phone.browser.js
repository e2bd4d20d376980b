// The phone simulator's script, inlined by phone-page.ts. Plain browser JavaScript, no build step;
// the JSDoc types let `tsc --checkJs` check it against the DOM.

/**
 * @typedef {{ id: string, text: string, at: number }} ChatMessage
 * @typedef {{ title?: string, detail?: string, errors?: { field: string, message: string }[] }} Problem
 */

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
function byId(id) {
  return /** @type {T} */ (document.getElementById(id));
}

const fromInput = /** @type {HTMLInputElement} */ (byId('from'));
const textInput = /** @type {HTMLInputElement} */ (byId('text'));
const to = /** @type {HTMLInputElement} */ (byId('to')).value;
/** The sandbox chatted on; the phone one plays WhatsApp, the others (chat ids, no number) Telegram and Messenger. */
const transport = /** @type {HTMLInputElement} */ (byId('transport')).value;
const byPhone = byId('identity').dataset.addressKind === 'phone';
const chat = byId('chat');
const businessName = byId('chat-title').textContent ?? '';

const numberKey = byPhone ? 'newsroom.phone.from' : `newsroom.phone.from.${transport}`;
/** A real phone keeps what its owner wrote; the server only knows what the sandbox sent. */
const sentKey = (/** @type {string} */ address) => `newsroom.phone.sent.${transport}.${address}`;
const e164 = /^\+[1-9]\d{6,14}$/;
const chatId = /^[A-Za-z0-9_.:-]{1,64}$/;

/** @type {string | null} */
let address = null;
/** @type {EventSource | null} */
let events = null;
/** What the chat shows, by id: a message can come both from the history and from the live stream. */
const shown = new Set();

/** @param {string} text */
function announce(text) {
  byId('status').textContent = text;
}

/**
 * @param {string} id
 * @param {string} message
 */
function showError(id, message) {
  const element = byId(id);
  element.textContent = message;
  element.hidden = !message;
}

/**
 * Adds a message in time order, moving nothing already shown, so the log announces only what is new.
 * @param {ChatMessage} message
 * @param {'in' | 'out'} direction
 * @returns {HTMLLIElement | null}
 */
function addMessage(message, direction) {
  if (shown.has(message.id)) return null;
  shown.add(message.id);
  const item = document.createElement('li');
  item.className = `message ${direction}`;
  item.dataset.at = String(message.at);
  const who = document.createElement('span');
  who.className = 'visually-hidden';
  who.textContent = direction === 'in' ? `${businessName}: ` : 'You: ';
  const text = document.createElement('p');
  text.textContent = message.text;
  const time = document.createElement('time');
  time.dateTime = new Date(message.at).toISOString();
  time.textContent = new Date(message.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  item.append(who, text, time);
  const later = [...chat.children].find(
    (li) => Number(/** @type {HTMLElement} */ (li).dataset.at) > message.at,
  );
  chat.insertBefore(item, later ?? null);
  byId('empty').hidden = true;
  item.scrollIntoView({ block: 'nearest' });
  return item;
}

/** @returns {ChatMessage[]} */
function ownMessages() {
  if (!address) return [];
  try {
    return JSON.parse(localStorage.getItem(sentKey(address)) ?? '[]');
  } catch {
    return [];
  }
}

/** @param {ChatMessage} message */
function rememberOwn(message) {
  if (!address) return;
  // Bounded, so a long session cannot fill the browser's storage.
  const kept = [...ownMessages(), message].slice(-200);
  localStorage.setItem(sentKey(address), JSON.stringify(kept));
}

/** Switches the phone to `number`: the chat shows its history, then whatever arrives. @param {string} number */
async function useNumber(number) {
  address = number;
  localStorage.setItem(numberKey, number);
  const url = new URL(window.location.href);
  url.searchParams.set('from', number);
  window.history.replaceState(null, '', url);
  events?.close();
  shown.clear();
  chat.replaceChildren();
  byId('empty').hidden = false;
  const query = `transport=${encodeURIComponent(transport)}&address=${encodeURIComponent(number)}`;
  // Listen first, then read the history: a reply sent in between then shows up (once) instead of going missing.
  events = new EventSource(`/sim/events?${query}`);
  events.onopen = () => announce(`Connected as ${number}.`);
  events.onerror = () => announce('Connection lost. Reconnecting…');
  events.onmessage = (event) => addMessage(JSON.parse(event.data), 'in');
  // Read the history only once the stream is open: a reply sent before that would be in neither.
  const stream = events;
  await new Promise((resolve) => {
    stream.addEventListener('open', resolve, { once: true });
    stream.addEventListener('error', resolve, { once: true });
  });
  for (const message of ownMessages()) addMessage(message, 'out');
  try {
    const response = await fetch(`/sim/messages?${query}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = /** @type {{ messages: ChatMessage[] }} */ (await response.json());
    for (const message of data.messages) addMessage(message, 'in');
  } catch {
    announce('The earlier messages could not be loaded.');
  }
}

/** @returns {string | null} the number as E.164, or null after saying what is wrong */
function checkedNumber() {
  const number = byPhone ? fromInput.value.replace(/[\s\-()./]/g, '') : fromInput.value.trim();
  if (byPhone ? e164.test(number) : chatId.test(number)) {
    fromInput.removeAttribute('aria-invalid');
    showError('from-error', '');
    return number;
  }
  fromInput.setAttribute('aria-invalid', 'true');
  const wrong = byPhone
    ? 'Give the number with + and country code, e.g. +4915112345678.'
    : 'Use up to 64 letters, digits and _ . : -';
  showError('from-error', number ? wrong : 'Enter your number first.');
  fromInput.focus();
  return null;
}

byId('identity').addEventListener('submit', (event) => {
  event.preventDefault();
  const number = checkedNumber();
  if (number) {
    fromInput.value = number;
    useNumber(number);
    textInput.focus();
  }
});

byId('compose').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('compose-error', '');
  const text = textInput.value.trim();
  if (!text) return;
  const number = checkedNumber();
  if (!number) return;
  if (number !== address) await useNumber(number);
  const message = { id: `own-${Date.now()}-${Math.random().toString(36).slice(2)}`, text, at: Date.now() };
  const item = addMessage(message, 'out');
  textInput.value = '';
  try {
    const response = await fetch(`/tidings/webhooks/${encodeURIComponent(transport)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(to ? { from: number, text, to } : { from: number, text }),
    });
    if (!response.ok) {
      const problem = /** @type {Problem} */ (await response.json().catch(() => ({})));
      throw new Error(problem.errors?.[0]?.message ?? problem.detail ?? `HTTP ${response.status}`);
    }
    rememberOwn(message);
  } catch (error) {
    item?.classList.add('failed');
    textInput.value = text;
    showError(
      'compose-error',
      `Not sent: ${error instanceof Error ? error.message : 'the server could not be reached'}.`,
    );
  }
});

for (const button of document.querySelectorAll('button.try')) {
  button.addEventListener('click', () => {
    textInput.value = /** @type {HTMLElement} */ (button).dataset.text ?? '';
    textInput.focus();
  });
}

// A messenger without numbers knows its user by an id of its own: make one up for this browser.
const madeUp = byPhone ? '' : `chat-${Math.random().toString(36).slice(2, 8)}`;
const initial = fromInput.value || localStorage.getItem(numberKey) || madeUp;
fromInput.value = initial;
const checked = initial ? checkedNumber() : null;
if (checked) useNumber(checked);
else fromInput.focus();

// Makes this file a module for TypeScript, as the page runs it (`<script type="module">`): its names stay its own.
export {};
