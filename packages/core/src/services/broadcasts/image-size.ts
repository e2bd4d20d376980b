/** Width and height of a PNG or JPEG from its first bytes; null for other formats or truncated data. */
export function imageSize(
  bytes: Uint8Array,
): { width: number; height: number; type: 'image/png' | 'image/jpeg' } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452) {
    return { width: view.getUint32(16), height: view.getUint32(20), type: 'image/png' };
  }
  if (bytes.length < 4 || view.getUint16(0) !== 0xffd8) return null;
  // Walk JPEG segments to the first start-of-frame marker, which holds the size.
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    const length = view.getUint16(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame)
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7), type: 'image/jpeg' };
    offset += 2 + length;
  }
  return null;
}
