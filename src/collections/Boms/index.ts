import type { CollectionConfig, FieldAccess } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { slugs } from '../slugs'
import { prepareBomForSave } from './hooks/prepareBomForSave'

const serverOnly: FieldAccess = () => false
/** Items are checked against the BOM's tenant by the domain (a 404 for another tenant's). */
const checkedByDomain = () => true as const

/**
 * Bills of materials / recipes: what one yield of the output item is made of. Selling, consuming or reserving an
 * item with an active BOM issues or reserves its components instead (nested BOMs exploded; docs/boms.md).
 * Versions of an item's BOM are kept; one is active at a time.
 */
export const Boms: CollectionConfig = {
  slug: slugs.boms,
  labels: { singular: 'BOM / recipe', plural: 'BOMs / recipes' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'outputItem', 'version', 'active', 'yieldQuantity'], group: 'Catalogue' },
  ...accessFromMatrix('catalogue'),
  hooks: { beforeChange: [prepareBomForSave] },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        { name: 'outputItem', type: 'relationship', relationTo: slugs.items, required: true, index: true, validate: checkedByDomain, access: { update: serverOnly } },
        { name: 'yieldQuantity', type: 'number', required: true, defaultValue: 1, admin: { description: 'How much of the output item one batch of the components makes.' } },
      ],
    },
    {
      name: 'components',
      type: 'array',
      required: true,
      minRows: 1,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, validate: checkedByDomain },
            { name: 'quantity', type: 'number', required: true, admin: { description: 'Per yield, in the component’s base unit.' } },
            { name: 'wastePercent', type: 'number', defaultValue: 0, min: 0, admin: { description: 'Extra consumed as waste, % of the quantity.' } },
          ],
        },
      ],
    },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { position: 'sidebar', description: 'The version in use; activating one deactivates the item’s other versions.' } },
    { name: 'version', type: 'number', access: { create: serverOnly, update: serverOnly }, admin: { position: 'sidebar', readOnly: true } },
    { name: 'notes', type: 'textarea' },
  ],
}
