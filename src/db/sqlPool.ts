/** The slice of a pg Pool the raw-SQL helpers need (Payload's adapter ships its own copy of the pg types). */
export type SqlQueryable = {
  query: <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<{ rows: Row[]; rowCount: number | null }>
}

export type SqlPool = SqlQueryable & {
  connect: () => Promise<SqlQueryable & { release: () => void }>
}
