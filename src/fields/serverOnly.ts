import type { Field, FieldAccess } from 'payload'

const never: FieldAccess = () => false

/**
 * A field no API caller may write (createdBy, approval and ledger fields): a value sent on create or update
 * is dropped before hooks run — mass assignment is ignored — and only server code sets it.
 */
export function serverOnly<T extends Field>(field: T): T {
  const access = 'access' in field ? field.access : undefined
  return { ...field, access: { ...access, create: never, update: never } }
}
