import type { AfterErrorHook } from 'payload'

import { toApiError } from '../api/errorResponse'

/** Gives errors from the generated REST API the same `{ errors: [{ code, message, path? }] }` shape and status as custom endpoints. */
export const shapeApiErrors: AfterErrorHook = ({ error, result }) => {
  if (!result) return
  const { status, body } = toApiError(error)
  return { response: body, status }
}
