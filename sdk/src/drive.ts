import { DriveLinkError, NetworkError } from './errors.js';
import { type FetchLike, globalFetch, messageOf } from './fetch.js';

/** A drive asset's bytes, as its signed link served them. */
export interface DriveAssetDownload {
  bytes: Uint8Array<ArrayBuffer>;
  /** The response's Content-Type, e.g. `image/png`. */
  contentType: string;
  /** From the response's Content-Disposition, when it names the file. */
  fileName: string | undefined;
}

/**
 * Follows a drive asset's signed `url` (a string, or anything with a `url`, such as a
 * DriveAssetFields object). The link is the only credential: none is sent with it.
 * Throws DriveLinkError on 403 (expired, altered, or its token deleted) and 404 (the asset
 * was deleted), NetworkError when the server cannot be reached or answers otherwise.
 */
export async function fetchDriveAsset(
  link: string | { readonly url: string },
  options: { fetch?: FetchLike | undefined } = {},
): Promise<DriveAssetDownload> {
  const url = typeof link === 'string' ? link : link.url;
  const fetchImpl = options.fetch ?? globalFetch();
  // The signature is what grants access: keep it out of messages a caller may log.
  const where = withoutQuery(url);

  let response: Awaited<ReturnType<FetchLike>>;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    response = await fetchImpl(url, { method: 'GET', headers: { accept: '*/*' } });
    if (response.status !== 200) {
      await response.text().catch(() => '');
    }
    bytes = response.status === 200 ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array(0);
  } catch (error) {
    throw new NetworkError(`Request to ${where} failed: ${messageOf(error).split(url).join(where)}`, { cause: error });
  }
  const { status } = response;
  if (status === 403) throw new DriveLinkError('INVALID_OR_EXPIRED', `The drive link to ${where} is invalid or has expired`, status);
  if (status === 404) throw new DriveLinkError('NOT_FOUND', `The drive asset at ${where} no longer exists`, status);
  if (status !== 200) throw new NetworkError(`Expected a file from ${where}, got HTTP ${status}`, { status });
  return {
    bytes,
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    fileName: fileNameOf(response.headers.get('content-disposition')),
  };
}

function withoutQuery(url: string): string {
  const query = url.search(/[?#]/);
  return query === -1 ? url : url.slice(0, query);
}

/** `filename*=UTF-8''…` when present, else `filename="…"`. */
function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!);
    } catch {
      // fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(disposition) ?? /filename\s*=\s*([^;\s]+)/i.exec(disposition);
  return plain ? plain[1]!.replace(/\\(.)/g, '$1') : undefined;
}
