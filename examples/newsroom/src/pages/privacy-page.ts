import { html } from '../html.js';
import { layout, type Page } from './layout.js';

/** `GET /privacy`: what the sign-up's privacy link points to, true for this demo. */
export function privacyPage(businessName: string): Page {
  const body = html`<main class="card">
<h1>Privacy in this demo</h1>
<p>${businessName} is a demo of Tidings. It keeps the numbers, chat ids and consent records you enter in
memory on this computer, sends nothing to a real messenger, and forgets everything when the server stops.</p>
<h2 lang="de">Datenschutz in dieser Demo</h2>
<p lang="de">${businessName} ist eine Demo von Tidings. Nummern, Chat-IDs und Einwilligungen bleiben im
Speicher dieses Computers, nichts geht an einen echten Messenger, und alles ist vergessen, wenn der Server
stoppt.</p>
<p><a href="/">Back to the sign-up</a> · <a href="/?lang=de" lang="de">Zurück zur Anmeldung</a></p>
</main>`;
  return layout({ title: `Privacy · ${businessName}`, body });
}
