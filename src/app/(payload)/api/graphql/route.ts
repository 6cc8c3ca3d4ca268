import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withApiGuard } from '@/api/apiGuard'
import { withRequestMetrics } from '@/observability/withRequestMetrics'

export const POST = withRequestMetrics(withApiGuard(config, GRAPHQL_POST(config)))
export const OPTIONS = REST_OPTIONS(config)
