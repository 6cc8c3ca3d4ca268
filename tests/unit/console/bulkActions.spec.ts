import { describe, expect, it } from 'vitest'

import type { TenantAwareUser } from '../../../src/access/tenantMembership'
import { bulkConfirmation, bulkOptionsFor, bulkSummary, type BulkRow } from '../../../src/components/BulkActions/bulk'
import { bulkRowsFor } from '../../../src/components/BulkActions/rows'
import { bulkActionsOf } from '../../../src/components/DocumentActions/registry'
import { itemLookupQuery, scanOutcome } from '../../../src/components/ItemScan/lookup'
import { recallableSelection, recallRequest, type RecallableLot } from '../../../src/components/LotRecall/request'

const member = (roles: string[], id = 1, tenant = 7) => ({ id, tenants: [{ tenant, roles }] }) as unknown as TenantAwareUser
const po = (id: number, status: string, extra: Record<string, unknown> = {}) => ({ id, tenant: 7, status, number: `PO-00000${id}`, createdBy: 50, submittedBy: 50, ...extra })
const labels = { singular: 'purchase order', plural: 'purchase orders' }
const actionsOf = (rows: BulkRow[]) => Object.fromEntries(rows.map((row) => [row.title, row.actions]))

describe('bulk actions in lists', () => {
  it('should offer in lists only the registry actions marked for bulk, and none on collections without any', () => {
    expect(bulkActionsOf('purchase-orders').map(({ action }) => action)).toEqual(['approve', 'send'])
    expect(bulkActionsOf('transfers').map(({ action }) => action)).toEqual(['approve', 'dispatch'])
    expect(bulkActionsOf('cycle-counts').map(({ action }) => action)).toEqual(['approve', 'post'])
    expect(bulkActionsOf('reservations').map(({ action }) => action)).toEqual(['confirm', 'release'])
    expect(bulkActionsOf('recalls').map(({ action }) => action)).toEqual(['contain'])
    expect(bulkActionsOf('adjustments').map(({ action }) => action)).toEqual(['approve'])
    expect(bulkActionsOf('items')).toEqual([])
    expect(bulkActionsOf('purchase-orders')[0]).toMatchObject({ label: 'Approve', bulk: { done: 'Approved', confirm: expect.any(String) } })
  })

  it('should give each row the bulk actions its status and the user’s role allow, as the edit view does', () => {
    const docs = [po(1, 'submitted'), po(2, 'approved'), po(3, 'draft'), po(4, 'submitted', { tenant: 8 })]
    const rowsFor = (user: TenantAwareUser | null) => actionsOf(bulkRowsFor({ collectionSlug: 'purchase-orders', user, docs, useAsTitle: 'number' }))
    expect(rowsFor(member(['admin']))).toEqual({ 'PO-000001': ['approve'], 'PO-000002': ['send'], 'PO-000003': [], 'PO-000004': [] })
    expect(rowsFor(member(['approver']))).toEqual({ 'PO-000001': ['approve'], 'PO-000002': [], 'PO-000003': [], 'PO-000004': [] })
    expect(rowsFor(member(['buyer']))).toEqual({ 'PO-000001': [], 'PO-000002': ['send'], 'PO-000003': [], 'PO-000004': [] })
    expect(rowsFor(member(['viewer']))).toEqual({ 'PO-000001': [], 'PO-000002': [], 'PO-000003': [], 'PO-000004': [] })
    // Never one's own order: the approver who raised PO-000001 may not approve it.
    expect(rowsFor(member(['approver'], 50))['PO-000001']).toEqual([])
  })

  it('should title rows by the collection’s title field, else by id', () => {
    const rows = bulkRowsFor({ collectionSlug: 'purchase-orders', user: member(['admin']), docs: [po(1, 'submitted'), po(9, 'draft', { number: null })], useAsTitle: 'number' })
    expect(rows.map(({ id, title }) => ({ id, title }))).toEqual([
      { id: '1', title: 'PO-000001' },
      { id: '9', title: '9' },
    ])
  })

  it('should offer an action when one selected row allows it, and skip the selected rows it is not open to', () => {
    const actions = bulkActionsOf('purchase-orders')
    const rows: BulkRow[] = [
      { id: '1', title: 'PO-000001', actions: ['approve'] },
      { id: '2', title: 'PO-000002', actions: ['send'] },
      { id: '3', title: 'PO-000003', actions: ['approve'] },
      { id: '4', title: 'PO-000004', actions: [] },
    ]
    const options = bulkOptionsFor({ actions, rows, selectedIds: [1, 3, 4] })
    expect(options.map(({ action, targets, skipped }) => ({ action, targets: targets.map((row) => row.id), skipped: skipped.map((row) => row.id) }))).toEqual([
      { action: 'approve', targets: ['1', '3'], skipped: ['4'] },
    ])
    expect(bulkOptionsFor({ actions, rows, selectedIds: [4] })).toEqual([])
    expect(bulkOptionsFor({ actions, rows, selectedIds: [] })).toEqual([])
  })

  it('should name the documents in the confirmation and say which are skipped', () => {
    const rows: BulkRow[] = [
      { id: '1', title: 'PO-000001', actions: ['approve'] },
      { id: '2', title: 'PO-000002', actions: ['approve'] },
      { id: '3', title: 'PO-000003', actions: [] },
    ]
    const [option] = bulkOptionsFor({ actions: bulkActionsOf('purchase-orders'), rows, selectedIds: ['1', '2'] })
    expect(bulkConfirmation({ option, labels })).toBe('Approve 2 purchase orders (PO-000001, PO-000002)? Each goes on order at its warehouse.')
    const [withSkipped] = bulkOptionsFor({ actions: bulkActionsOf('purchase-orders'), rows, selectedIds: ['1', '3'] })
    expect(bulkConfirmation({ option: withSkipped, labels })).toBe(
      'Approve 1 purchase order (PO-000001)? Each goes on order at its warehouse.\n\nSkipped, as this action is not open to them: PO-000003.',
    )
  })

  it('should sum up what was done, what the server refused with its message, and what was skipped', () => {
    const rows: BulkRow[] = [1, 2, 3, 4, 5].map((id) => ({ id: String(id), title: `PO-00000${id}`, actions: id === 5 ? [] : ['approve'] }))
    const [option] = bulkOptionsFor({ actions: bulkActionsOf('purchase-orders'), rows, selectedIds: ['1', '2', '3', '4', '5'] })
    const outcomes = option.targets.map((row) => ({ row, refusal: row.id === '4' ? 'PO-000004 totals 9000 EUR, above your approval limit of 5000.' : null }))
    expect(bulkSummary({ option, outcomes })).toBe(
      'Approved 3; refused 1: PO-000004 — PO-000004 totals 9000 EUR, above your approval limit of 5000.; skipped 1 (not open to this action): PO-000005',
    )
    const [clean] = bulkOptionsFor({ actions: bulkActionsOf('purchase-orders'), rows, selectedIds: ['1', '2'] })
    expect(bulkSummary({ option: clean, outcomes: clean.targets.map((row) => ({ row, refusal: null })) })).toBe('Approved 2')
  })
})

describe('scanning an item in the Items list', () => {
  const whereOf = (query: string) => Object.fromEntries([...new URLSearchParams(query)].filter(([key]) => key.startsWith('where')))

  it('should look the code up exactly by SKU, item barcode and pack barcode, in the selected tenant', () => {
    expect(whereOf(itemLookupQuery({ code: ' 5012345678900 ', tenantId: 3 })!)).toEqual({
      'where[and][0][tenant][equals]': '3',
      'where[and][1][or][0][sku][equals]': '5012345678900',
      'where[and][1][or][1][barcodes.code][equals]': '5012345678900',
      'where[and][1][or][2][packagings.barcode][equals]': '5012345678900',
    })
    expect(whereOf(itemLookupQuery({ code: 'CUP-12OZ' })!)).toEqual({
      'where[or][0][sku][equals]': 'CUP-12OZ',
      'where[or][1][barcodes.code][equals]': 'CUP-12OZ',
      'where[or][2][packagings.barcode][equals]': 'CUP-12OZ',
    })
    expect(new URLSearchParams(itemLookupQuery({ code: 'X' })!).get('limit')).toBe('2')
    expect(itemLookupQuery({ code: '   ' })).toBeNull()
  })

  it('should open the item only when exactly one matches', () => {
    expect(scanOutcome({ code: 'CUP-12OZ', docs: [{ id: 12 }] })).toEqual({ itemId: '12' })
    expect(scanOutcome({ code: 'NOPE', docs: [] })).toEqual({ message: 'No item has the SKU or barcode “NOPE”.' })
    expect(scanOutcome({ code: '123', docs: [{ id: 1 }, { id: 2 }] })).toEqual({ message: 'Several items match “123”: pick one in the list.' })
  })
})

describe('initiating a recall from the Lots list', () => {
  const severities = ['class-I', 'class-II', 'class-III']
  const lot = (id: number, extra: Partial<RecallableLot> = {}): RecallableLot => ({ id: String(id), lotNumber: `L-${id}`, tenant: 7, isRecallable: true, ...extra })

  it('should recall only the selected lots this user may recall', () => {
    const lots = [lot(1), lot(2, { isRecallable: false }), lot(3)]
    expect(recallableSelection({ lots, selectedIds: [1, 2] }).map(({ id }) => id)).toEqual(['1'])
    expect(recallableSelection({ lots, selectedIds: [] })).toEqual([])
  })

  it('should build one recall of the selected lots, with a reason and a known severity', () => {
    expect(recallRequest({ lots: [lot(1), lot(3)], reason: ' Listeria ', severity: 'class-I', severities })).toEqual({
      body: { tenant: 7, lots: [1, 3], reason: 'Listeria', severity: 'class-I' },
    })
    expect(recallRequest({ lots: [lot(1)], reason: '  ', severity: 'class-I', severities })).toEqual({ message: 'Say why the lots are recalled.' })
    expect(recallRequest({ lots: [lot(1)], reason: 'Listeria', severity: 'bad', severities })).toEqual({ message: 'Severity must be one of class-I, class-II, class-III.' })
    expect(recallRequest({ lots: [lot(1), lot(2, { tenant: 8 })], reason: 'Listeria', severity: 'class-I', severities })).toEqual({
      message: 'A recall covers lots of one tenant: select lots of one tenant.',
    })
  })

  it('should do nothing when the user cancels a prompt', () => {
    expect(recallRequest({ lots: [lot(1)], reason: null, severity: null, severities })).toBeNull()
    expect(recallRequest({ lots: [lot(1)], reason: 'Listeria', severity: null, severities })).toBeNull()
  })
})
