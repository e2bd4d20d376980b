/** An RFC 9110 token: what undici's Headers accepts as a header name. */
export const headerToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
