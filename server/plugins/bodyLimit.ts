import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

function tooLarge(limit: number): GraphQLError {
  return new GraphQLError(`Request body too large (limit ${limit} bytes)`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });
}

/**
 * Caps GraphQL request bodies at `limit` bytes (413), except multipart uploads,
 * which Yoga's own `maxRequestBodySize` bounds by the upload cap. A body
 * without Content-Length (chunked) is measured as it is read, and reading
 * stops at the cap.
 */
export function useBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (request.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data')) return;
      const declared = request.headers.get('content-length');
      if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
      if (declared !== null || !requestParser || !request.body) return;
      setRequestParser(async (req) => {
        const body = await readAtMost(req, limit);
        return requestParser(new Request(req.url, { method: req.method, headers: req.headers, body }));
      });
    },
  };
}

/** Reads a body of unknown length, giving up as soon as it passes `limit`. */
async function readAtMost(request: Request, limit: number): Promise<Blob> {
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new Blob(chunks as BlobPart[]);
}
