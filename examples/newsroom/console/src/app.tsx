import { useEffect, useState } from 'preact/hooks';
import { useAgent } from './agent.js';
import { api, whenUnauthorized } from './api.js';
import { Gate } from './gate.js';
import { startLive, stopLive } from './live.js';
import { useRoute } from './route.js';
import { BroadcastDetail } from './screens/broadcast-detail.js';
import { Broadcasts } from './screens/broadcasts.js';
import { Channels } from './screens/channels.js';
import { Compose } from './screens/compose.js';
import { ContactDetail } from './screens/contact-detail.js';
import { Contacts } from './screens/contacts.js';
import { Inbox } from './screens/inbox.js';
import { Rules } from './screens/rules.js';
import { Stats } from './screens/stats.js';
import { Team } from './screens/team.js';

const tabs = [
  ['broadcasts', 'Broadcasts'],
  ['inbox', 'Inbox'],
  ['contacts', 'Contacts'],
  ['channels', 'Channels'],
  ['team', 'Team'],
  ['rules', 'Rules'],
  ['stats', 'Statistics'],
] as const;

export function App() {
  const [open, setOpen] = useState<boolean | null>(null);
  const [screen, arg] = useRoute();
  const [agent, setAgent] = useAgent();
  useEffect(() => {
    whenUnauthorized(() => setOpen(false));
    api<{ ok: boolean }>('GET', '/session').then(
      (session) => setOpen(session.ok),
      () => setOpen(false),
    );
  }, []);
  useEffect(() => {
    if (open) startLive();
    else stopLive();
  }, [open]);
  if (open === null) return <p class="loading">Loading the console…</p>;
  if (!open) return <Gate onOpen={() => setOpen(true)} />;
  const logout = async () => {
    await api('DELETE', '/session');
    setOpen(false);
  };
  return (
    <div class="shell">
      <header>
        <strong>Newsroom console</strong>
        <nav>
          {tabs.map(([id, label]) => (
            <a key={id} href={`#/${id}`} aria-current={screen === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <button type="button" class="link" onClick={logout}>
          Lock
        </button>
      </header>
      <main>
        {screen === 'broadcasts' && arg === 'new' && <Compose />}
        {screen === 'broadcasts' && arg && arg !== 'new' && <BroadcastDetail id={arg} />}
        {screen === 'broadcasts' && !arg && <Broadcasts />}
        {screen === 'inbox' && <Inbox contactId={arg} agent={agent} setAgent={setAgent} />}
        {screen === 'contacts' && (arg ? <ContactDetail id={arg} /> : <Contacts />)}
        {screen === 'channels' && <Channels />}
        {screen === 'team' && <Team />}
        {screen === 'rules' && <Rules />}
        {screen === 'stats' && <Stats />}
      </main>
    </div>
  );
}
