/**
 * Relay global ids: base64("<Type>:<uuid>"), the encoding Pothos' relay plugin
 * uses. Decoding is strict: anything else is "no such id", never an error.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeId(globalId: string, typename: string): string | null {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const prefix = `${typename}:`;
  if (!decoded.startsWith(prefix)) return null;
  const id = decoded.slice(prefix.length);
  return UUID.test(id) ? id.toLowerCase() : null;
}

export function encodeId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}
