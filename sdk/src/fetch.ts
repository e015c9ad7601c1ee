/** The part of a Fetch API response the client reads. */
export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The part of the Fetch API the client uses; the global `fetch` (Node ≥ 18, browsers) fits.
 * `body` is a JSON string, or the bytes of a multipart upload; there is none when a drive link is followed.
 */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> },
) => Promise<FetchResponseLike>;

export function globalFetch(): FetchLike {
  const { fetch } = globalThis as { fetch?: FetchLike };
  if (!fetch) throw new TypeError('kbgate sdk: there is no global fetch; pass options.fetch');
  return fetch;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
