import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { BodySource } from '../http/light-request.js';

/** A Node request's body, read straight from the socket; past a cap the request is destroyed (as a web stream's cancel does). */
export function nodeBody(req: IncomingMessage): BodySource {
  return {
    read: (maxBytes) => readNode(req, maxBytes),
    stream: () => Readable.toWeb(req) as ReadableStream<Uint8Array>,
  };
}

function readNode(
  req: IncomingMessage,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (req.readableEnded) return Promise.resolve({ bytes: new Uint8Array(), truncated: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.byteLength > maxBytes) {
        stop();
        req.destroy();
        resolve({ bytes: view(Buffer.concat(chunks, size)), truncated: true });
        return;
      }
      size += chunk.byteLength;
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve({
        bytes: view(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)),
        truncated: false,
      });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(new Error('The request was closed before its body was read.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** A plain Uint8Array over a Buffer's bytes (Buffer's `slice` shares memory; a Uint8Array's copies). */
const view = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
