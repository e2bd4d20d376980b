/** One part of a multipart body: a field, or a file when it has a filename. */
export interface MultipartPart {
  name: string;
  filename?: string;
  type?: string;
  data: Buffer;
}

/**
 * A lenient multipart/form-data reader, as lenient as Telegram's server: clients write headers without spaces
 * (`content-disposition:form-data;name="a";filename=b.txt`), which stricter parsers refuse.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2]?.trim();
  if (!marker) return [];
  const delimiter = Buffer.from(`--${marker}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const from = start + delimiter.length;
    if (body.subarray(from, from + 2).toString() === '--') break;
    const end = body.indexOf(delimiter, from);
    if (end === -1) break;
    const raw = body.subarray(from + 2, end - 2); // past the CRLF after the delimiter, before the one ahead
    const split = raw.indexOf('\r\n\r\n');
    if (split !== -1) {
      const part = partOf(raw.subarray(0, split).toString('utf8'), raw.subarray(split + 4));
      if (part) parts.push(part);
    }
    start = end;
  }
  return parts;
}

function partOf(head: string, data: Buffer): MultipartPart | null {
  let name: string | undefined;
  let filename: string | undefined;
  let type: string | undefined;
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-type') type = value;
    if (header !== 'content-disposition') continue;
    for (const piece of value.split(';')) {
      const [k, ...rest] = piece.trim().split('=');
      const v = rest.join('=').replace(/^"(.*)"$/, '$1');
      if (k?.toLowerCase() === 'name') name = v;
      if (k?.toLowerCase() === 'filename') filename = v;
    }
  }
  if (name === undefined) return null;
  return { name, data, ...(filename !== undefined ? { filename } : {}), ...(type ? { type } : {}) };
}
