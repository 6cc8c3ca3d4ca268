import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { ValidationError } from '../../domain/errors'
import { EXPORT_KINDS, exportKindOf } from '../../domain/exports/kinds'
import { nextRunOf } from '../../domain/exports/maintenance'
import { createdByField } from '../../fields/createdBy'
import { serverOnly } from '../../fields/serverOnly'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { slugs } from '../slugs'

/** Validates a schedule and plans its next run (the sweeper sets the runs itself, flagged by `context.isScheduleRun`). */
const planNextRun: CollectionBeforeChangeHook = async ({ context, data, originalDoc, req }) => {
  if (context.isScheduleRun) return data
  const merged = { ...originalDoc, ...data }
  if (!exportKindOf(merged.kind)) throw new ValidationError('EXPORT.UNKNOWN_KIND', `Unknown export kind "${merged.kind}"`, 'kind')
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(merged.timeOfDay ?? '')) throw new ValidationError('EXPORT.SCHEDULE_INVALID', 'timeOfDay must be HH:MM (UTC).', 'timeOfDay')
  const warehouse = merged.filters?.warehouse
  if (warehouse) {
    const doc = await req.payload.findByID({ collection: slugs.warehouses, id: typeof warehouse === 'object' ? warehouse.id : warehouse, depth: 0, req, overrideAccess: true, disableErrors: true })
    if (!doc || tenantIdOf(doc as any) !== tenantIdOf(merged)) throw new ValidationError('EXPORT.FILTER_INVALID', 'The warehouse filter must be a warehouse of this tenant.', 'filters.warehouse')
  }
  return { ...data, nextRunAt: nextRunOf({ frequency: merged.frequency, timeOfDay: merged.timeOfDay, weekday: merged.weekday }, new Date()).toISOString() }
}

/** A recurring export per tenant: daily or weekly at a UTC time, optionally e-mailed to its creator. */
export const ExportSchedules: CollectionConfig = {
  slug: slugs.exportSchedules,
  labels: { singular: 'Scheduled export', plural: 'Scheduled exports' },
  admin: { useAsTitle: 'kind', defaultColumns: ['kind', 'frequency', 'timeOfDay', 'nextRunAt', 'active'], group: 'Data' },
  ...accessFromMatrix('stock'),
  hooks: { beforeChange: [stampCreatedBy, planNextRun] },
  fields: [
    { name: 'kind', type: 'select', required: true, options: EXPORT_KINDS.map((kind) => ({ label: kind.label, value: kind.kind })) },
    {
      name: 'filters',
      type: 'group',
      fields: [
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses },
        { name: 'category', type: 'text' },
      ],
    },
    { name: 'lookbackDays', type: 'number', defaultValue: 1, min: 1, admin: { description: 'Ledger and movements: the days before each run.' } },
    { name: 'frequency', type: 'select', required: true, defaultValue: 'daily', options: [{ label: 'Daily', value: 'daily' }, { label: 'Weekly', value: 'weekly' }] },
    { name: 'weekday', type: 'number', min: 0, max: 6, admin: { description: 'Weekly: 0 = Sunday … 6 = Saturday.' } },
    { name: 'timeOfDay', type: 'text', required: true, defaultValue: '06:00', admin: { description: 'HH:MM, UTC.' } },
    { name: 'isEmailed', label: 'E-mail the file link', type: 'checkbox', defaultValue: true },
    { name: 'active', type: 'checkbox', defaultValue: true },
    serverOnly({ name: 'nextRunAt', type: 'date', index: true, admin: { readOnly: true, position: 'sidebar' } }),
    serverOnly({ name: 'lastRunAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } }),
    createdByField,
  ],
}
