/**
 * Read a fetch Response to the end, reporting progress (0..1, or null when the server sends no Content-Length,
 * e.g. compressed transfer). Works with any WHATWG Response (browser or Node 18+).
 */
export async function readWithProgress(
  response: Response,
  onProgress: (fraction: number | null, receivedBytes: number) => void,
): Promise<ArrayBuffer> {
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const lengthHeader = response.headers.get('content-length');
  const encoded = response.headers.get('content-encoding');
  const total = lengthHeader && !encoded ? Number(lengthHeader) : NaN;
  const known = Number.isFinite(total) && total > 0;
  const body = response.body;
  if (!body) {
    const buffer = await response.arrayBuffer();
    onProgress(1, buffer.byteLength);
    return buffer;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(known ? 0 : null, 0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(known ? Math.min(1, received / total) : null, received);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  onProgress(1, received);
  return bytes.buffer;
}
