import type { CollectionConfig, FieldAccess } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { RESERVATION_CHANNELS, RESERVATION_STATUSES } from '../../domain/reservations/transitions'
import { slugs } from '../slugs'
import { reservationEndpoints } from './endpoints'
import { defaultTenantOfReservation, prepareNewReservation } from './hooks/prepareNewReservation'
import { reserveStockOnCreate } from './hooks/reserveStockOnCreate'
import { bulkActionsComponent, documentActionsComponent } from '../documentConfig'

const serverOnly: FieldAccess = () => false
/** Items and warehouses are checked against the reservation's tenant by the domain (a 404 for another tenant's). */
const checkedByDomain = () => true as const
const createOnly = { update: serverOnly }
const server = { create: serverOnly, update: serverOnly }
const label = (value: string) => value.replace(/(^|-)(\w)/g, (_match, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`)

/**
 * Holds on stock for orders (ecommerce, delivery apps, POS). Creating one reserves its stock at once; after
 * that it changes only through its actions — confirm, fulfil, release — and the expiry job, never by update.
 */
export const Reservations: CollectionConfig = {
  slug: slugs.reservations,
  admin: {
    useAsTitle: 'externalOrderId',
    defaultColumns: ['externalOrderId', 'channel', 'status', 'expiresAt', 'createdAt'],
    listSearchableFields: ['externalOrderId', 'idempotencyKey'],
    group: 'Stock',
    components: { edit: documentActionsComponent(slugs.reservations), ...bulkActionsComponent },
  },
  ...accessFromMatrix('reservations'),
  indexes: [{ fields: ['tenant', 'idempotencyKey'], unique: true }],
  hooks: {
    beforeValidate: [defaultTenantOfReservation],
    beforeChange: [prepareNewReservation],
    afterChange: [reserveStockOnCreate],
  },
  endpoints: reservationEndpoints,
  fields: [
    { name: 'externalOrderId', type: 'text', index: true, access: createOnly, admin: { description: 'The order id of the calling system.' } },
    { name: 'channel', type: 'select', required: true, defaultValue: 'web', options: RESERVATION_CHANNELS.map((value) => ({ label: value === 'pos' ? 'POS' : label(value), value })), access: createOnly },
    {
      name: 'lines',
      type: 'array',
      required: true,
      minRows: 1,
      access: createOnly,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, validate: checkedByDomain },
            { name: 'quantity', type: 'number', required: true },
            {
              name: 'warehouse',
              type: 'relationship',
              relationTo: slugs.warehouses,
              validate: checkedByDomain,
              admin: { description: 'Pinned warehouse; empty: chosen by fulfilment priority.' },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'reservedQuantity', type: 'number', access: server, admin: { readOnly: true } },
            { name: 'fulfilledQuantity', type: 'number', access: server, admin: { readOnly: true } },
            { name: 'bom', type: 'relationship', relationTo: slugs.boms, access: server, admin: { readOnly: true, description: 'Kit lines: the BOM version exploded into components.' } },
          ],
        },
        {
          name: 'allocations',
          type: 'array',
          access: server,
          admin: { readOnly: true, description: 'Where the reserved units are held, and why that warehouse was chosen.' },
          fields: [
            { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true },
            { name: 'quantity', type: 'number', required: true },
            { name: 'fulfilledQuantity', type: 'number' },
            { name: 'reason', type: 'text' },
            { name: 'components', type: 'json', admin: { description: 'Kit lines: what this allocation holds of each component.' } },
          ],
        },
      ],
    },
    { name: 'allowPartial', type: 'checkbox', defaultValue: false, access: createOnly, admin: { description: 'Reserve what is available instead of refusing.' } },
    { name: 'singleWarehouse', type: 'checkbox', defaultValue: false, access: createOnly, admin: { description: 'All lines from one warehouse; never split.' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: RESERVATION_STATUSES.map((value) => ({ label: label(value), value })),
      access: server,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'expiresAt', type: 'date', index: true, access: createOnly, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: 'Default: now + the tenant’s reservation TTL.' } },
    { name: 'idempotencyKey', type: 'text', access: createOnly, admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'history',
      type: 'array',
      access: server,
      admin: { readOnly: true },
      fields: [
        { name: 'from', type: 'text' },
        { name: 'to', type: 'text', required: true },
        { name: 'at', type: 'date', required: true },
        { name: 'user', type: 'relationship', relationTo: slugs.users },
        { name: 'note', type: 'text' },
      ],
    },
  ],
}
