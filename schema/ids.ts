import { decodeGlobalID } from '@pothos/plugin-relay';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The database id inside a global id of the given type, or null for anything
 * else, so a malformed id answers exactly like one that does not exist.
 */
export function localId(globalId: string, typename: string): string | null {
  try {
    const { typename: decodedType, id } = decodeGlobalID(globalId);
    return decodedType === typename && UUID.test(id) ? id.toLowerCase() : null;
  } catch {
    return null;
  }
}
