'use client'

import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import type { TenantAwareUser } from '../../access/tenantMembership'
import { allowedPurchaseOrderActions, type PurchaseOrderStatus } from '../../domain/purchasing/transitions'
import { RECEIVE_ANCHOR, ReceiveFormClient, type ReceiveLine } from './ReceiveFormClient'

type Loaded = { lines: ReceiveLine[]; locations: { id: number; label: string; isDefault: boolean }[]; version: string }

const idOf = (value: any) => Number(value && typeof value === 'object' ? value.id : value)
/** Packs carry at most 4 decimals: exact enough for a prefill (the server checks the real quantities). */
const outstandingOf = (line: any) => String(Number((Number(line.quantity) - Number(line.receivedQuantity ?? 0)).toFixed(4)))

/**
 * The receive form on a purchase order: one row per line still outstanding, prefilled with what is outstanding,
 * with lot, expiry and destination (stock or quarantine) where needed. Shown only to users who may receive the
 * order in its current status (the same rules as the API); it reloads the order itself after each receipt and when
 * the Receive button is pressed.
 */
export function ReceiveForm() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  const load = useCallback(async () => {
    if (!id) return
    const response = await fetch(`/api/purchase-orders/${id}?depth=1`, { credentials: 'include' })
    if (!response.ok) return setLoaded(null)
    const po = await response.json()
    const summary = {
      tenant: idOf(po.tenant),
      status: po.status as PurchaseOrderStatus,
      createdBy: po.createdBy ? idOf(po.createdBy) : null,
      submittedBy: po.submittedBy ? idOf(po.submittedBy) : null,
    }
    if (!allowedPurchaseOrderActions(user as unknown as TenantAwareUser, summary).includes('receive')) return setLoaded(null)
    const query = new URLSearchParams({ 'where[warehouse][equals]': String(idOf(po.warehouse)), 'where[kind][in]': 'internal,quarantine', depth: '0', limit: '200', sort: 'path' })
    const locations = await (await fetch(`/api/locations?${query}`, { credentials: 'include' })).json()
    const lines: ReceiveLine[] = (po.lines ?? [])
      .map((line: any) => ({ line, outstanding: outstandingOf(line) }))
      .filter(({ outstanding }: { outstanding: string }) => Number(outstanding) > 0)
      .map(({ line, outstanding }: { line: any; outstanding: string }) => ({
        purchaseOrderLine: line.id,
        item: idOf(line.item),
        sku: line.item?.sku ?? String(line.item),
        name: line.item?.name ?? '',
        ordered: String(line.quantity),
        received: String(line.receivedQuantity ?? 0),
        outstanding,
        unit: line.purchaseUnit || (Number(line.packSize) === 1 ? (line.item?.baseUnit ?? '') : `pack of ${line.packSize}`),
        isLotTracked: Boolean(line.item?.isLotTracked),
      }))
    setLoaded({
      lines,
      locations: (locations.docs ?? []).map((location: any) => ({
        id: Number(location.id),
        label: `${location.path ?? location.code} (${location.kind})`,
        isDefault: Boolean(location.isSystem) && location.kind === 'internal',
      })),
      version: `${po.updatedAt}|${lines.map((line) => line.received).join(',')}`,
    })
  }, [id, user])

  useEffect(() => {
    void load()
    // The Receive button (DocumentActions) points here after the order moved on since the page was opened.
    const onHashChange = () => window.location.hash === `#${RECEIVE_ANCHOR}` && void load()
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [load])

  if (!id || !loaded || loaded.lines.length === 0) return null
  return (
    <ReceiveFormClient
      key={loaded.version}
      endpoint={`/api/purchase-orders/${id}/receive`}
      lines={loaded.lines}
      locations={loaded.locations}
      onReceived={load}
    />
  )
}
