/**
 * What the SDK reads of a file to upload. A `Blob` or `File` (global in browsers, Node ≥ 20)
 * fits; declared here because the SDK is built without DOM typings.
 */
export interface BlobLike {
  readonly size: number;
  /** The MIME type, or "" when unknown. */
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A `File`: a Blob with a name. */
export interface FileLike extends BlobLike {
  readonly name: string;
}

export function isBlobLike(value: unknown): value is BlobLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BlobLike).arrayBuffer === 'function' &&
    typeof (value as BlobLike).size === 'number' &&
    typeof (value as BlobLike).type === 'string'
  );
}

/** An upload's bytes under a name and type of the caller's choosing. */
export function namedUpload(
  file: BlobLike | Uint8Array,
  fileName: string | undefined,
  contentType: string | undefined,
): FileLike {
  if (file instanceof Uint8Array) {
    const bytes = file;
    return {
      name: fileName ?? 'file',
      type: contentType ?? '',
      size: bytes.byteLength,
      // A copy of just these bytes: a Node Buffer's slice() shares, and its buffer may be a larger pool.
      arrayBuffer: async () => {
        const copy = new Uint8Array(bytes.byteLength);
        copy.set(bytes);
        return copy.buffer;
      },
    };
  }
  if (!isBlobLike(file)) throw new TypeError('kbgate sdk: file must be a Blob, a File or a Uint8Array');
  const blob = file;
  return {
    name: fileName ?? nameOf(blob) ?? 'file',
    type: contentType ?? blob.type,
    size: blob.size,
    arrayBuffer: () => blob.arrayBuffer(),
  };
}

function nameOf(blob: BlobLike): string | undefined {
  const { name } = blob as Partial<FileLike>;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** The files in `variables`, with their dotted paths (`variables.input.file`), as the multipart spec maps them. */
export function extractFiles(variables: unknown): { clone: unknown; files: Array<{ path: string; file: BlobLike }> } {
  const files: Array<{ path: string; file: BlobLike }> = [];
  const walk = (value: unknown, path: string): unknown => {
    if (isBlobLike(value)) {
      files.push({ path, file: value });
      return null;
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, `${path}.${index}`));
    if (value instanceof Uint8Array) {
      throw new TypeError(`kbgate sdk: ${path} is a Uint8Array; wrap it in a Blob, or use uploadDriveAsset with a fileName`);
    }
    if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, `${path}.${key}`)]));
    }
    return value;
  };
  const clone = walk(variables, 'variables');
  return { clone, files };
}

interface TextEncoderLike {
  encode(text: string): Uint8Array;
}
// Global in every runtime the SDK supports; typed here as the SDK is built without DOM typings.
const { TextEncoder: Encoder } = globalThis as unknown as { TextEncoder: new () => TextEncoderLike };

/**
 * A GraphQL multipart request body (https://github.com/jaydenseric/graphql-multipart-request-spec):
 * `operations` (the files replaced by null), `map` (part name → variable paths), then one part per file.
 */
export async function multipartBody(
  operations: unknown,
  files: Array<{ path: string; file: BlobLike }>,
): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string }> {
  const boundary = `----kbgate-sdk-${randomHex(16)}`;
  const encoder = new Encoder();
  const chunks: Uint8Array[] = [];
  const text = (value: string) => chunks.push(encoder.encode(value));
  const field = (name: string, value: string) =>
    text(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);

  field('operations', JSON.stringify(operations));
  field('map', JSON.stringify(Object.fromEntries(files.map(({ path }, index) => [String(index), [path]]))));
  for (const [index, { file }] of files.entries()) {
    const name = escapeQuoted(nameOf(file) ?? 'file');
    const type = file.type.trim() || 'application/octet-stream';
    if (/[\r\n]/.test(type)) throw new TypeError('kbgate sdk: a content type may not contain line breaks');
    text(`--${boundary}\r\nContent-Disposition: form-data; name="${index}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
    chunks.push(new Uint8Array(await file.arrayBuffer()));
    text('\r\n');
  }
  text(`--${boundary}--\r\n`);

  const body = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** As browsers encode a form's file names: `"`, CR and LF percent-encoded, the rest as UTF-8. */
function escapeQuoted(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function randomHex(bytes: number): string {
  const values = new Uint8Array(bytes);
  const { crypto } = globalThis as { crypto?: { getRandomValues(array: Uint8Array): Uint8Array } };
  if (crypto) crypto.getRandomValues(values);
  else for (let i = 0; i < bytes; i += 1) values[i] = Math.floor(Math.random() * 256);
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('');
}
