import * as initial from './20261122_002117_initial'
import * as databaseTriggers from './20261122_002117_initial_database_triggers'

export const migrations = [
  { up: initial.up, down: initial.down, name: '20261122_002117_initial' },
  { up: databaseTriggers.up, down: databaseTriggers.down, name: '20261122_002117_initial_database_triggers' },
]
