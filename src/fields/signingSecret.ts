import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Field, FieldAccess } from 'payload'

import { issueSecret } from '../domain/webhooks/signingSecrets'
import { serverOnly } from './serverOnly'

const hidden: FieldAccess = () => false
const sealed = (name: string): Field => serverOnly({ name, type: 'text', access: { read: hidden }, admin: { hidden: true } })

/** A Standard Webhooks secret (`whsec_…`): kept sealed, shown once when issued, rotatable with an overlap window. */
export const signingSecretFields: Field[] = [
  serverOnly({ name: 'secretHint', label: 'Signing secret', type: 'text', admin: { readOnly: true, position: 'sidebar', description: 'Shown in full once, when created or rotated.' } }),
  sealed('secretSealed'),
  sealed('previousSecretSealed'),
  serverOnly({ name: 'previousSecretExpiresAt', type: 'date', admin: { readOnly: true, position: 'sidebar', description: 'Until then the previous secret is valid too.', date: { pickerAppearance: 'dayAndTime' } } }),
]

const ISSUED = 'issuedSigningSecret'

/** On create: issue the secret (the caller never chooses it). */
export const issueSigningSecretOnCreate: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { secret, fields } = issueSecret()
  req.context[ISSUED] = secret
  return { ...data, ...fields }
}

/** The create response carries the new secret this once (`secret`); every later read shows only the hint. */
export const returnIssuedSigningSecret: CollectionAfterChangeHook = ({ doc, operation, req }) => {
  if (operation !== 'create' || typeof req.context[ISSUED] !== 'string') return doc
  const secret = req.context[ISSUED]
  delete req.context[ISSUED]
  return { ...doc, secret }
}
