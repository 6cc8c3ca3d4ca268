import { runMain } from '../src/server/boot'
import { serve } from '../src/server/serve'

;(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production'

runMain(() => serve('start'))
