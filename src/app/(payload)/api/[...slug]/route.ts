import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withApiGuard } from '@/api/apiGuard'
import { withRequestMetrics } from '@/observability/withRequestMetrics'

export const GET = withRequestMetrics(withApiGuard(config, REST_GET(config)))
export const POST = withRequestMetrics(withApiGuard(config, REST_POST(config)))
export const DELETE = withRequestMetrics(withApiGuard(config, REST_DELETE(config)))
export const PATCH = withRequestMetrics(withApiGuard(config, REST_PATCH(config)))
export const PUT = withRequestMetrics(withApiGuard(config, REST_PUT(config)))
export const OPTIONS = REST_OPTIONS(config)
