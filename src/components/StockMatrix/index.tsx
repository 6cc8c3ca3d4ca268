import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'

import { ROLES } from '../../access/roles'
import { resolveTenantId } from '../../api/tenantContext'
import { getStockMatrix, type StockMatrix } from '../../domain/stock/stockMatrix'
import { StockMatrixTable } from './StockMatrixTable'

/** /admin/stock-matrix: items × warehouses of the tenant selected in the console. */
export async function StockMatrixView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  let matrix: StockMatrix | null = null
  let problem: string | null = null
  try {
    matrix = req.user ? await getStockMatrix({ req, tenantId: await resolveTenantId(req, ROLES) }) : null
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <h1 style={{ margin: '1.5rem 0 1rem' }}>Stock matrix</h1>
        {problem ? (
          <p data-testid="stock-matrix-problem">Choose a tenant in the selector to see its stock ({problem})</p>
        ) : !matrix || matrix.warehouses.length === 0 ? (
          <p>
            No warehouses yet. <a href="/admin/collections/warehouses/create">Add a warehouse</a>, then import or create items.
          </p>
        ) : (
          <StockMatrixTable matrix={matrix} />
        )}
      </Gutter>
    </DefaultTemplate>
  )
}

/** The navigation link to the matrix, under the collections. */
export function StockMatrixNavLink() {
  return (
    <a href="/admin/stock-matrix" className="nav__link" id="nav-stock-matrix" style={{ display: 'block', padding: '4px 0' }}>
      Stock matrix
    </a>
  )
}
