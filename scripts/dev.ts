import { runMain } from '../src/server/boot'
import { serve } from '../src/server/serve'

runMain(() => serve('dev'))
