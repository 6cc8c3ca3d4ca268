import { maintenanceCleanup } from './maintenanceCleanup'
import type { JobDefinition } from './types'

/** Every queue the app knows. A new job file is added here once. */
export const jobDefinitions: JobDefinition<any>[] = [maintenanceCleanup]
