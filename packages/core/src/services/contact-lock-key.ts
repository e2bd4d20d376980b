/** The key a contact's inbound events are handled one at a time under: (transport, address). */
export const contactLockKey = (transport: string, address: string): string => `${transport}\u0000${address}`;
