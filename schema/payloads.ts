import type { ObjectRef } from '@pothos/core';
import { encodeId } from '../server/ids.js';
import { NotFoundError } from '../server/errors.js';
import { builder } from './builder.js';
import { localId } from './ids.js';

/** A mutation's success type wrapping one object: `<Name>Success { <field>: <Type>! }`. */
export function payload<T>(name: string, field: string, type: ObjectRef<any, T>) {
  return builder.objectRef<T>(name).implement({
    // The success object is the value itself, e.g. CreateCategorySuccess.category is the created category.
    fields: (t) => ({ [field]: t.field({ type, resolve: (value) => value as never }) }),
  });
}

/** `<Name>Success { deletedId: ID! }`, the deleted object's global id. */
export function deletedPayload(name: string, typename: string) {
  return builder.objectRef<{ deletedId: string }>(name).implement({
    fields: (t) => ({ deletedId: t.id({ resolve: ({ deletedId }) => encodeId(typename, deletedId) }) }),
  });
}

/** The database id in a global id of `typename`, or NotFoundError: a malformed id is an absent one. */
export function requireId(id: string | number, typename: string, what: string): string {
  const local = localId(String(id), typename);
  if (!local) throw new NotFoundError(what);
  return local;
}
