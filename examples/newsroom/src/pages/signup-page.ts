import { html } from '../html.js';
import { inlineAsset } from './inline-asset.js';
import { layout, type Page } from './layout.js';

const script = inlineAsset('signup.browser.js');

/**
 * Countries offered beside typing +…; Tidings reads national numbers by the code. The calling code only helps
 * the page prefill the simulator's number.
 */
const countries: [code: string, name: string, callingCode: string][] = [
  ['DE', 'Germany', '49'],
  ['AT', 'Austria', '43'],
  ['CH', 'Switzerland', '41'],
  ['NL', 'Netherlands', '31'],
  ['FR', 'France', '33'],
  ['GB', 'United Kingdom', '44'],
  ['US', 'United States', '1'],
];

/**
 * `GET /`: the sign-up form (F1). A stand-in for the widget: it talks to the same endpoints under
 * `/tidings/` and shows each step of the double opt-in.
 */
export function signupPage(businessName: string): Page {
  const body = html`<main class="card">
<header>
  <p class="brand">${businessName}</p>
  <h1 id="step-form" tabindex="-1">Get the news on your messenger</h1>
  <p class="lead">This demo runs on the sandbox messenger: your “phone” is the simulator in another tab.</p>
</header>
<form id="signup" novalidate>
  <div class="field">
    <label for="phone">Mobile number</label>
    <div class="phone-row">
      <select id="country" name="country" aria-label="Country">
        ${countries.map(
          ([code, name, callingCode]) =>
            html`<option value="${code}" data-calling-code="${callingCode}"${code === 'DE' ? html` selected` : ''}>${name} (+${callingCode})</option>`,
        )}
      </select>
      <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" required
        placeholder="0151 12345678" aria-describedby="phone-hint phone-error">
    </div>
    <p id="phone-hint" class="hint">National format for the chosen country, or international with +.</p>
    <p id="phone-error" class="error" hidden></p>
  </div>
  <fieldset class="field" aria-describedby="channels-error">
    <legend>Channels</legend>
    <div id="channels"><p class="hint">Loading channels…</p></div>
    <p id="channels-error" class="error" hidden></p>
  </fieldset>
  <div class="honeypot" aria-hidden="true">
    <label for="website">Website</label>
    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off">
  </div>
  <p id="notice" class="notice"></p>
  <button type="submit" id="submit">Sign up</button>
  <p id="form-error" class="error" hidden></p>
</form>
<section id="confirm" hidden aria-labelledby="step-confirm">
  <h2 id="step-confirm" tabindex="-1">Confirm on your phone</h2>
  <ol class="steps">
    <li>Save our number: <strong id="sender"></strong></li>
    <li><a id="link" target="_blank" rel="noopener">Open the phone simulator</a></li>
    <li>Send this message: <code id="text"></code></li>
  </ol>
  <p class="hint">We send you nothing until you write to us.</p>
</section>
<section id="done" hidden aria-labelledby="step-done">
  <h2 id="step-done" tabindex="-1"></h2>
  <p id="done-detail"></p>
  <button type="button" id="again">Sign up another number</button>
</section>
<p id="status" class="status" role="status" aria-live="polite"></p>
</main>`;
  return layout({ title: `Sign up · ${businessName}`, body, script });
}
