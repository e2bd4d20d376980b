/** The ten examples of issue 3, as the README shows them. */
export const EXAMPLES = `# The examples from the rules issue
when keyword TANZ then add to channel tanz, reply "Du bist dabei 💃"
when keyword "😡" then forward email "support@example.com", reply "Sorry! Wir melden uns."
when text matches /^stopp?$/i then do nothing
when outside hours mon-fri 09:00-18:00 Europe/Vienna then reply "Wir antworten ab 9 Uhr."
when first message then reply "Hallo {name}, willkommen!"
when in channel sport and contains "Ticket" then assign to anna, tag tickets
when media image then reply "Danke für das Bild!"
when any then forward http https://crm.example.com/hook
when subscribed to sport then reply "Anpfiff! ⚽"
when call then reply "Anrufe können wir hier nicht annehmen — schreib uns einfach."
`;
