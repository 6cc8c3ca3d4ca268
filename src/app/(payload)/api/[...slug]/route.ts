import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withRequestMetrics } from '@/observability/withRequestMetrics'

export const GET = withRequestMetrics(REST_GET(config))
export const POST = withRequestMetrics(REST_POST(config))
export const DELETE = withRequestMetrics(REST_DELETE(config))
export const PATCH = withRequestMetrics(REST_PATCH(config))
export const PUT = withRequestMetrics(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
