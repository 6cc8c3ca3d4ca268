import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { formatApiErrors } from './src/api/errorResponse'
import { availabilityQueries } from './src/api/graphql/availabilityQuery'
import { ExportJobs } from './src/collections/ExportJobs'
import { ExportSchedules } from './src/collections/ExportSchedules'
import { ImportJobs } from './src/collections/ImportJobs'
import { ImportRowErrors } from './src/collections/ImportRowErrors'
import { isSuperAdminUser } from './src/access/tenantMembership'
import { ROLE_LABELS, ROLES } from './src/access/roles'
import { DocumentSequences } from './src/collections/DocumentSequences'
import { IdempotencyRecords } from './src/collections/IdempotencyRecords'
import { Adjustments } from './src/collections/Adjustments'
import { Boms } from './src/collections/Boms'
import { Items } from './src/collections/Items'
import { LedgerEntries } from './src/collections/LedgerEntries'
import { LedgerSeals } from './src/collections/LedgerSeals'
import { Locations } from './src/collections/Locations'
import { Lots } from './src/collections/Lots'
import { Recalls } from './src/collections/Recalls'
import { SerialMovements, SerialNumbers } from './src/collections/SerialNumbers'
import { Outbox } from './src/collections/Outbox'
import { Plans } from './src/collections/Plans'
import { Reservations } from './src/collections/Reservations'
import { slugs } from './src/collections/slugs'
import { StockBuckets } from './src/collections/StockBuckets'
import { StockLevels } from './src/collections/StockLevels'
import { Suppliers } from './src/collections/Suppliers'
import { Tenants } from './src/collections/Tenants'
import { UsageCounters } from './src/collections/UsageCounters'
import { GoodsReceipts } from './src/collections/GoodsReceipts'
import { PurchaseOrders } from './src/collections/PurchaseOrders'
import { Requisitions } from './src/collections/Requisitions'
import { SupplierItems } from './src/collections/SupplierItems'
import { VendorReturns } from './src/collections/VendorReturns'
import { Users } from './src/collections/Users'
import { isUserManager } from './src/collections/Users/access/usersAccess'
import { Warehouses } from './src/collections/Warehouses'
import { Transfers } from './src/collections/Transfers'
import { CycleCounts } from './src/collections/CycleCounts'
import { StockHolds } from './src/collections/StockHolds'
import { WasteEntries } from './src/collections/WasteEntries'
import { CostLayers } from './src/collections/CostLayers'
import { ValuationSnapshots } from './src/collections/ValuationSnapshots'
import { EventSources } from './src/collections/EventSources'
import { InboundEvents } from './src/collections/InboundEvents'
import { WebhookDeliveries } from './src/collections/WebhookDeliveries'
import { WebhookEndpoints } from './src/collections/WebhookEndpoints'
import { inboundEventsEndpoint } from './src/endpoints/inboundEvents'
import { NotificationDigestEntries } from './src/collections/NotificationDigestEntries'
import { ReorderAlerts } from './src/collections/ReorderAlerts'
import { ReorderRules } from './src/collections/ReorderRules'
import { assertSettingsValid, isTruthy, readDatabasePoolMax } from './src/config/env'
import { survivesDroppedConnection } from './src/db/droppedConnections'
import { addSchemaGuards } from './src/db/schemaGuards'
import { applyDatabaseTriggers } from './src/db/triggers'
import { emailAdapter } from './src/email/adapter'
import { availabilityGetEndpoint, availabilityPostEndpoint } from './src/endpoints/availability'
import { healthEndpoint } from './src/endpoints/health'
import { inventoryContractEndpoints } from './src/endpoints/inventory'
import { metricsEndpoint } from './src/endpoints/metrics'
import { stockMatrixEndpoint } from './src/endpoints/stockMatrix'
import { movementBatchEndpoint } from './src/endpoints/movements'
import { reportEndpoint, reportsIndexEndpoint } from './src/endpoints/reports'
import { dashboardEndpoint } from './src/endpoints/dashboard'
import { apiReferenceEndpoint, openApiDocumentEndpoint } from './src/endpoints/openapi'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const EXPECTED_ERRORS = [
  'ValidationError',
  'Forbidden',
  'NotFound',
  'UnauthorizedError',
  'AuthenticationError',
  'DomainError',
  'ForbiddenError',
  'PlanLimitReachedError',
  'PlanFeatureDisabledError',
  'ApiQuotaExceededError',
  'RateLimitedError',
  'InvalidRequestError',
  'NotFoundError',
  'ConflictError',
  'InsufficientStockError',
  'IdempotencyConflictError',
  'ForbiddenWebhookUrlError',
  'BomCycleError',
  'BomTooDeepError',
]

// Numeric settings are checked as the config loads: a bad value stops every process's start (CONFIG.INVALID).
assertSettingsValid()

const isProduction = process.env.NODE_ENV === 'production'
const isSchemaPushed = !isProduction && isTruthy(process.env.PAYLOAD_DB_PUSH, true)

export default buildConfig({
  admin: {
    user: slugs.users,
    importMap: { baseDir: path.resolve(dirname, 'src') },
    meta: { titleSuffix: ' — Quartermaster' },
    components: {
      beforeDashboard: ['/components/Dashboard#DashboardHome'],
      afterNavLinks: [
        '/components/StockMatrix#StockMatrixNavLink',
        '/components/WarehouseReports#WarehouseReportsNavLink',
        '/components/Reports/NavLink#ReportsNavLink',
      ],
      views: {
        stockMatrix: { Component: '/components/StockMatrix#StockMatrixView', path: '/stock-matrix' },
        warehouseReports: { Component: '/components/WarehouseReports#WarehouseReportsView', path: '/warehouse-reports' },
        reports: { Component: '/components/Reports#ReportsView', path: '/reports' },
      },
    },
  },
  collections: [
    Tenants,
    Users,
    Plans,
    Items,
    Warehouses,
    Locations,
    Lots,
    Adjustments,
    Reservations,
    StockLevels,
    StockBuckets,
    LedgerEntries,
    LedgerSeals,
    Suppliers,
    IdempotencyRecords,
    DocumentSequences,
    Outbox,
    UsageCounters,
    SupplierItems,
    PurchaseOrders,
    GoodsReceipts,
    VendorReturns,
    Requisitions,
    Transfers,
    CycleCounts,
    StockHolds,
    WasteEntries,
    SerialNumbers,
    SerialMovements,
    Recalls,
    CostLayers,
    ValuationSnapshots,
    WebhookEndpoints,
    WebhookDeliveries,
    EventSources,
    InboundEvents,
    ReorderRules,
    ReorderAlerts,
    NotificationDigestEntries,
    ImportJobs,
    ImportRowErrors,
    ExportJobs,
    ExportSchedules,
    Boms,
  ],
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL, max: readDatabasePoolMax(), onConnect: survivesDroppedConnection },
    push: isSchemaPushed,
    migrationDir: path.resolve(dirname, 'src/migrations'),
    afterSchemaInit: [addSchemaGuards],
  }),
  editor: lexicalEditor(),
  email: emailAdapter(),
  endpoints: [
    healthEndpoint,
    metricsEndpoint,
    availabilityGetEndpoint,
    availabilityPostEndpoint,
    ...inventoryContractEndpoints,
    movementBatchEndpoint,
    stockMatrixEndpoint,
    reportsIndexEndpoint,
    reportEndpoint,
    dashboardEndpoint,
    inboundEventsEndpoint,
    openApiDocumentEndpoint,
    apiReferenceEndpoint,
  ],
  graphQL: { disablePlaygroundInProduction: true, queries: availabilityQueries },
  hooks: { afterError: [formatApiErrors] },
  // Refusals with a code are expected traffic, not incidents.
  loggingLevels: Object.fromEntries(EXPECTED_ERRORS.map((name) => [name, 'info' as const])),
  secret: process.env.PAYLOAD_SECRET || '',
  serverURL: process.env.PUBLIC_URL || '',
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  plugins: [
    multiTenantPlugin({
      tenantsSlug: slugs.tenants,
      collections: {
        [slugs.items]: {},
        [slugs.warehouses]: {},
        [slugs.locations]: {},
        [slugs.lots]: {},
        [slugs.adjustments]: {},
        [slugs.reservations]: {},
        [slugs.stockLevels]: {},
        [slugs.stockBuckets]: {},
        [slugs.ledgerEntries]: {},
        [slugs.suppliers]: {},
        [slugs.supplierItems]: {},
        [slugs.purchaseOrders]: {},
        [slugs.goodsReceipts]: {},
        [slugs.vendorReturns]: {},
        [slugs.requisitions]: {},
        [slugs.transfers]: {},
        [slugs.cycleCounts]: {},
        [slugs.stockHolds]: {},
        [slugs.wasteEntries]: {},
        [slugs.serialNumbers]: {},
        [slugs.serialMovements]: {},
        [slugs.recalls]: {},
        [slugs.costLayers]: {},
        [slugs.valuationSnapshots]: {},
        [slugs.webhookEndpoints]: {},
        [slugs.webhookDeliveries]: {},
        [slugs.eventSources]: {},
        [slugs.inboundEvents]: {},
        [slugs.reorderRules]: {},
        [slugs.reorderAlerts]: {},
        [slugs.importJobs]: {},
        [slugs.importRowErrors]: {},
        [slugs.exportJobs]: {},
        [slugs.exportSchedules]: {},
        [slugs.boms]: {},
      },
      // The tenant of an existing document never changes (create only; the plugin checks membership).
      tenantField: { access: { update: () => false } },
      tenantsArrayField: {
        includeDefaultField: true,
        arrayFieldAccess: { create: isUserManager, update: isUserManager },
        rowFields: [
          {
            name: 'roles',
            type: 'select',
            hasMany: true,
            required: true,
            defaultValue: ['viewer'],
            options: ROLES.map((role) => ({ label: ROLE_LABELS[role], value: role })),
          },
          {
            name: 'approvalLimit',
            type: 'number',
            min: 0,
            admin: { description: 'Approvers: the largest purchase order or adjustment value they may approve here, in the tenant currency.' },
          },
        ],
      },
      userHasAccessToAllTenants: (user) => isSuperAdminUser(user),
    }),
  ],
  onInit: async (payload) => {
    // An idle pooled connection dropped by the server (restart, shutdown) must not crash the process.
    payload.db.pool.on('error', (error) => payload.logger.warn(`idle database connection closed: ${error.message}`))
    if (isSchemaPushed) await applyDatabaseTriggers(payload)
  },
})
