/**
 * Fetching a voicemail's recording from the URL the exchange gave: an audio answer only, within
 * a size and a time limit, read as it streams so that an endless or oversized answer is cut off
 * rather than held in memory.
 */

/** The largest recording kept: as large as one sent in the event's body. */
export const RECORDING_MAX_BYTES = 10 * 1024 * 1024;
export const RECORDING_TIMEOUT_MS = 15_000;

export class RecordingFetchError extends Error {}

export async function fetchRecording(
  url: string,
  limits: { maxBytes: number; timeoutMs: number } = {
    maxBytes: RECORDING_MAX_BYTES,
    timeoutMs: RECORDING_TIMEOUT_MS,
  },
): Promise<{ contentType: string; content: Buffer }> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow' });
  } catch (error) {
    throw new RecordingFetchError(`unreachable: ${(error as Error).message}`);
  }
  if (!response.ok) throw new RecordingFetchError(`status ${response.status}`);
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (!/^audio\/[a-z0-9.+-]+$/i.test(contentType)) {
    await response.body?.cancel();
    throw new RecordingFetchError(`not audio: ${contentType || 'no content type'}`);
  }
  const declared = Number(response.headers.get('content-length') ?? 'NaN');
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw new RecordingFetchError(`too large: ${declared} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      size += chunk.value.length;
      if (size > limits.maxBytes) {
        await reader?.cancel();
        throw new RecordingFetchError(`too large: over ${limits.maxBytes} bytes`);
      }
      chunks.push(Buffer.from(chunk.value));
    }
  } catch (error) {
    if (error instanceof RecordingFetchError) throw error;
    throw new RecordingFetchError(`cut off: ${(error as Error).message}`);
  }
  return { contentType: contentType.toLowerCase(), content: Buffer.concat(chunks) };
}
