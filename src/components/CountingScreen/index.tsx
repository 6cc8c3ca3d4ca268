import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { CountingScreen } from './CountingScreen'

/** The "Counting screen" tab of a cycle count: the counter's tablet view. */
export function CountingView({ initPageResult, doc }: DocumentViewServerProps) {
  const id = initPageResult.docID ?? doc?.id
  if (!id) return null
  return <CountingScreen id={String(id)} apiRoute={initPageResult.req.payload.config.routes.api} />
}
