/** The phone module, once loaded: one request per page, whichever widget asks first. */
export type PhoneLib = typeof import('./phone-lib.js');

let loading: Promise<PhoneLib> | null = null;

export function loadPhone(): Promise<PhoneLib> {
  loading ??= import('./phone-lib.js').catch((error: unknown) => {
    loading = null; // a later step may try again, e.g. after a network hiccup
    throw error;
  });
  return loading;
}
