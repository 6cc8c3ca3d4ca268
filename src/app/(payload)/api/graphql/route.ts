import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withRequestMetrics } from '@/observability/withRequestMetrics'

export const POST = withRequestMetrics(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
