// The sign-up page's script, inlined by signup-page.ts. Plain browser JavaScript, no build step;
// the JSDoc types let `tsc --checkJs` check it against the DOM.

/**
 * @typedef {{ slug: string, name: string, description: string | null, isDefault: boolean }} ChannelInfo
 * @typedef {{ field: string, message: string }} FieldIssue
 * @typedef {{ title?: string, detail?: string, errors?: FieldIssue[] }} Problem
 * @typedef {{ token: string, expiresAt: string, phone: string | null, sender: string, link: string, text: string | null }} Started
 */

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
function byId(id) {
  return /** @type {T} */ (document.getElementById(id));
}

const form = /** @type {HTMLFormElement} */ (byId('signup'));
const phone = /** @type {HTMLInputElement} */ (byId('phone'));
const country = /** @type {HTMLSelectElement} */ (byId('country'));
const website = /** @type {HTMLInputElement} */ (byId('website'));
const channelList = byId('channels');
const submit = /** @type {HTMLButtonElement} */ (byId('submit'));
const status = byId('status');
const confirmStep = byId('confirm');
const doneStep = byId('done');

/** The page is English, so the ledger must record the English notice that was shown (F8). */
const locale = 'en';
/** The channels sent with the last attempt, in order: problem fields name them as `channels.<index>`. */
let sentChannels = /** @type {string[]} */ ([]);
/** @type {ChannelInfo[]} */
let channels = [];
let pollTimer = 0;

/** @param {string} text */
function announce(text) {
  status.textContent = text;
}

/**
 * @param {string} id
 * @param {string} message
 */
function showError(id, message) {
  const element = byId(id);
  element.textContent = message;
  element.hidden = false;
}

function clearErrors() {
  for (const id of ['phone-error', 'channels-error', 'form-error']) byId(id).hidden = true;
  phone.removeAttribute('aria-invalid');
}

/** Shows one step and moves focus to its heading, so a screen reader starts reading there. */
function showStep(/** @type {'form' | 'confirm' | 'done'} */ step) {
  form.hidden = step !== 'form';
  confirmStep.hidden = step !== 'confirm';
  doneStep.hidden = step !== 'done';
  byId(`step-${step}`).focus();
}

async function loadChannels() {
  try {
    const response = await fetch(`/tidings/channels?lang=${locale}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = /** @type {{ channels: ChannelInfo[], notice: string }} */ (await response.json());
    channels = data.channels;
    channelList.replaceChildren(...channels.map(channelChoice));
    byId('notice').textContent = data.notice;
  } catch {
    channelList.replaceChildren();
    showError('channels-error', 'The channels could not be loaded. Reload the page to try again.');
  }
}

/** @param {ChannelInfo} channel */
function channelChoice(channel) {
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = `channel-${channel.slug}`;
  input.value = channel.slug;
  // Every subscriber joins the default channel anyway: show it ticked rather than offer a choice that is none.
  input.defaultChecked = channel.isDefault;
  input.checked = channel.isDefault;
  input.disabled = channel.isDefault;
  const label = document.createElement('label');
  label.htmlFor = input.id;
  label.textContent = channel.isDefault ? `${channel.name} (always included)` : channel.name;
  const choice = document.createElement('div');
  choice.className = 'choice';
  choice.append(input, label);
  if (channel.description) {
    const description = document.createElement('span');
    description.className = 'hint';
    description.textContent = channel.description;
    label.append(description);
  }
  return choice;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  if (!phone.value.trim()) return fieldProblem([{ field: 'phone', message: 'Enter your mobile number.' }]);
  sentChannels = channels
    .filter((c) => !c.isDefault && byId(`channel-${c.slug}`).matches(':checked'))
    .map((c) => c.slug);
  submit.disabled = true;
  announce('Signing you up…');
  try {
    const response = await fetch('/tidings/optin', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        transport: 'sandbox',
        phone: phone.value,
        country: country.value,
        channels: sentChannels,
        locale,
        website: website.value,
      }),
    });
    if (response.status === 202) return started(/** @type {Started} */ (await response.json()));
    const problem = /** @type {Problem} */ (await response.json().catch(() => ({})));
    if (response.status === 429) return tooMany(response.headers.get('retry-after'));
    if (problem.errors?.length) return fieldProblem(problem.errors);
    formProblem(problem.detail ?? `The sign-up failed (HTTP ${response.status}). Please try again.`);
  } catch {
    formProblem('The server could not be reached. Check that the demo is running and try again.');
  } finally {
    submit.disabled = false;
  }
});

/** @param {string} message */
function formProblem(message) {
  showError('form-error', message);
  announce(message);
}

/** Puts each problem next to its field and focuses the first field to fix. @param {FieldIssue[]} issues */
function fieldProblem(issues) {
  for (const issue of issues) {
    const channelIndex = /^channels\.(\d+)$/.exec(issue.field)?.[1];
    if (issue.field === 'phone') {
      showError('phone-error', `Mobile number: ${issue.message}`);
      phone.setAttribute('aria-invalid', 'true');
    } else if (channelIndex !== undefined) {
      const slug = sentChannels[Number(channelIndex)] ?? issue.field;
      showError('channels-error', `Channel “${slug}”: ${issue.message}`);
    } else {
      showError('form-error', `${issue.field}: ${issue.message}`);
    }
  }
  announce('Please check the form.');
  if (issues.some((i) => i.field === 'phone')) phone.focus();
}

/** @param {string | null} retryAfter seconds or an HTTP date (RFC 9110) */
function tooMany(retryAfter) {
  const seconds = Number(retryAfter);
  const at =
    Number.isFinite(seconds) && retryAfter ? Date.now() + seconds * 1000 : Date.parse(retryAfter ?? '');
  const when = Number.isNaN(at)
    ? 'later'
    : `in ${Math.max(1, Math.ceil((at - Date.now()) / 60_000))} min (at ${new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })})`;
  formProblem(`Too many sign-up attempts. Please try again ${when}.`);
}

/** @param {Started} data */
function started(data) {
  byId('sender').textContent = data.sender;
  const link = new URL(data.link);
  // Tidings echoes the number it parsed (E.164): the simulator starts as that phone.
  if (data.phone) link.searchParams.set('from', data.phone);
  /** @type {HTMLAnchorElement} */ (byId('link')).href = link.toString();
  byId('text').textContent = data.text ?? 'START';
  showStep('confirm');
  announce('Waiting for your message from the phone…');
  poll(data.token, Date.parse(data.expiresAt), 1000);
}

/**
 * Asks for the sign-up's status, waiting longer each time (1 s up to 15 s): quick while the visitor is
 * likely switching to the phone, gentle on the server if they wander off.
 * @param {string} token
 * @param {number} expiresAt
 * @param {number} delayMs
 */
function poll(token, expiresAt, delayMs) {
  pollTimer = window.setTimeout(async () => {
    const next = Math.min(delayMs * 1.5, 15_000);
    try {
      const response = await fetch(`/tidings/optin/${encodeURIComponent(token)}`);
      if (response.status === 404) return finish('expired', []);
      const data = /** @type {{ status: string, channels: { name: string }[] }} */ (await response.json());
      if (data.status === 'confirmed' || data.status === 'expired') return finish(data.status, data.channels);
    } catch {
      // The server may be restarting; keep asking until the token would have expired anyway.
    }
    if (Date.now() > expiresAt) return finish('expired', []);
    poll(token, expiresAt, next);
  }, delayMs);
}

/**
 * @param {'confirmed' | 'expired'} outcome
 * @param {{ name: string }[]} joined
 */
function finish(outcome, joined) {
  const heading = byId('step-done');
  if (outcome === 'confirmed') {
    // Once confirmed, the status names every channel the subscriber is in, the default one included.
    heading.textContent = `You're in: ${joined.map((c) => c.name).join(', ')}`;
    byId('done-detail').textContent = 'The welcome is waiting in the simulator. Send STOP there to leave.';
  } else {
    heading.textContent = 'This sign-up expired';
    byId('done-detail').textContent = 'Nothing was subscribed. Sign up again for a new code.';
  }
  showStep('done');
  announce(heading.textContent);
}

byId('again').addEventListener('click', () => {
  window.clearTimeout(pollTimer);
  form.reset();
  clearErrors();
  announce('');
  showStep('form');
});

loadChannels();

// Makes this file a module for TypeScript, as the page runs it (`<script type="module">`): its names stay its own.
export {};
