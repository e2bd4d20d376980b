import { html } from '../html.js';
import { inlineAsset } from './inline-asset.js';
import { layout, type Page } from './layout.js';

const script = inlineAsset('phone.browser.js');

export interface PhonePageInput {
  businessName: string;
  /** The sandbox chatted on: the phone one (WhatsApp's stand-in) or a chat-id one (Telegram's, Messenger's). */
  transport: { name: string; addressKind: 'phone' | 'opaque' };
  /** The sender account written to, as the opt-in link names it (`to`). */
  sender: { id: string; display: string };
  /** The subscriber's number from the link, if any; the page falls back to the one it remembered. */
  from: string | null;
  /** The message to prefill, e.g. `START <token>` from the opt-in link, or `/start <token>` for a `start` link. */
  text: string | null;
}

/** Quick texts to play the consent commands with (F2, F5, F12). */
const tries = ['START', 'SPORT', 'KULTUR', 'Stop sport', 'STOP'];

/** `GET /phone`: a messenger chat with the business, played by a person in the browser (F42). */
export function phonePage({ businessName, transport, sender, from, text }: PhonePageInput): Page {
  const byPhone = transport.addressKind === 'phone';
  const body = html`<main class="card phone">
<header class="phone-bar">
  <h1 id="chat-title">${businessName}</h1>
  <p class="hint">Sandbox messenger “${transport.name}” · ${sender.display}</p>
</header>
<form id="identity" class="identity" novalidate data-address-kind="${transport.addressKind}">
  <label for="from">${byPhone ? 'Your number' : 'Your chat id'}</label>
  <div class="row">
    ${
      byPhone
        ? html`<input id="from" name="from" type="tel" inputmode="tel" autocomplete="tel" value="${from ?? ''}"
      placeholder="+4915112345678" aria-describedby="from-hint from-error">`
        : html`<input id="from" name="from" type="text" autocomplete="off" value="${from ?? ''}"
      placeholder="chat-1234" aria-describedby="from-hint from-error">`
    }
    <button type="submit">${byPhone ? 'Use this number' : 'Use this id'}</button>
  </div>
  <p id="from-hint" class="hint">${
    byPhone
      ? 'International format, e.g. +4915112345678. This browser remembers it.'
      : 'Any id: it stands for your account in this messenger, which has no number. This browser remembers it.'
  }</p>
  <p id="from-error" class="error" hidden></p>
</form>
<ol id="chat" class="chat" role="log" aria-label="Conversation with ${businessName}"></ol>
<p id="empty" class="hint empty">No messages yet. Write to ${businessName} below.</p>
<form id="compose" class="compose" novalidate>
  <label for="text" class="visually-hidden">Message</label>
  <input id="text" name="text" autocomplete="off" value="${text ?? ''}" placeholder="Message" aria-describedby="compose-error">
  <input id="to" type="hidden" value="${sender.id}">
  <input id="transport" type="hidden" value="${transport.name}">
  <button type="submit">Send</button>
</form>
<p id="compose-error" class="error" hidden></p>
<div class="tries">
  <span class="hint" id="tries-label">Try:</span>
  ${tries.map((t) => html`<button type="button" class="try" data-text="${t}" aria-describedby="tries-label">${t}</button>`)}
</div>
<p id="status" class="hint" role="status" aria-live="polite"></p>
</main>`;
  return layout({ title: `Phone simulator · ${businessName}`, body, script });
}
