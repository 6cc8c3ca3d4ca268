import { emailSend } from './emailSend'
import { exportsCleanup } from './exportsCleanup'
import { exportsRun } from './exportsRun'
import { exportsSchedule } from './exportsSchedule'
import { importsRun } from './importsRun'
import { ledgerSeal } from './ledgerSeal'
import { lotsExpire } from './lotsExpire'
import { lotsExpiryDigest } from './lotsExpiryDigest'
import { maintenanceCleanup } from './maintenanceCleanup'
import { notificationsDigest } from './notificationsDigest'
import { outboxDispatch } from './outboxDispatch'
import { replenishmentEvaluate } from './replenishmentEvaluate'
import { replenishmentReorderPoints } from './replenishmentReorderPoints'
import { replenishmentScan } from './replenishmentScan'
import { reservationsExpire } from './reservationsExpire'
import { stockReconcile } from './stockReconcile'
import type { JobDefinition } from './types'
import { valuationSnapshot } from './valuationSnapshot'
import { webhooksDeliver } from './webhooksDeliver'

/** Every queue the app knows. A new job file is added here once. */
export const jobDefinitions: JobDefinition<any>[] = [
  maintenanceCleanup,
  ledgerSeal,
  stockReconcile,
  reservationsExpire,
  emailSend,
  lotsExpire,
  lotsExpiryDigest,
  valuationSnapshot,
  outboxDispatch,
  webhooksDeliver,
  importsRun,
  exportsRun,
  exportsSchedule,
  exportsCleanup,
  replenishmentEvaluate,
  replenishmentScan,
  replenishmentReorderPoints,
  notificationsDigest,
]
