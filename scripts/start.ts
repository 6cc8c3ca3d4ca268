import { runMain } from '../src/server/boot'
import { serve } from '../src/server/serve'

process.env.NODE_ENV ??= 'production'

runMain(() => serve('start'))
