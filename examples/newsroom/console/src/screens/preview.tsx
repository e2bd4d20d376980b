import type { TransportView } from '../types.js';
import { messenger } from '../types.js';

const placeholder = /\{([A-Za-z_][\w.-]*)(?:\|([^{}]*))?\}/g;

/** The text as one recipient would see it: `{name}` filled from a sample contact, others by their fallback. */
export function fillSample(text: string, sample: { name: string | null }): string {
  return text.replace(placeholder, (_w, name: string, fallback: string | undefined) =>
    name === 'name' ? sample.name || fallback || '' : fallback || '',
  );
}

/** The message in the bubble of each messenger it goes out on, with the messenger's length limit. */
export function Previews({
  text,
  transports,
  sampleName,
}: {
  text: string;
  transports: TransportView[];
  sampleName: string | null;
}) {
  const filled = fillSample(text, { name: sampleName });
  return (
    <div class="previews">
      {transports.map((t) => {
        const limit = t.capabilities.textMaxLength;
        const tooLong = filled.length > limit;
        return (
          <figure key={t.name} class={`phone phone-${t.name}`} data-preview={t.name}>
            <figcaption>
              {messenger(t.name)} · {t.senders[0]?.display ?? ''}
            </figcaption>
            <div class="bubble">{filled || <em>Nothing to send yet</em>}</div>
            <small class={tooLong ? 'error' : ''}>
              {filled.length} / {limit} characters{tooLong ? ' — too long for this messenger' : ''}
            </small>
          </figure>
        );
      })}
    </div>
  );
}
