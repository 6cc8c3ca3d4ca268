import { ledgerSeal } from './ledgerSeal'
import { maintenanceCleanup } from './maintenanceCleanup'
import { reservationsExpire } from './reservationsExpire'
import { stockReconcile } from './stockReconcile'
import type { JobDefinition } from './types'

/** Every queue the app knows. A new job file is added here once. */
export const jobDefinitions: JobDefinition<any>[] = [maintenanceCleanup, ledgerSeal, stockReconcile, reservationsExpire]
