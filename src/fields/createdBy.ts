import type { Field } from 'payload'

import { slugs } from '../collections/slugs'
import { serverOnly } from './serverOnly'

/** Who created the document (a person or an integration user); stamped by `stampCreatedBy`, never written by callers. */
export const createdByField: Field = serverOnly({
  name: 'createdBy',
  type: 'relationship',
  relationTo: slugs.users,
  index: true,
  admin: { position: 'sidebar', readOnly: true },
})
