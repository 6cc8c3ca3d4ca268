/** A document's tenant id, whether the relationship came back populated or as an id. */
export function tenantIdOf(doc: { tenant?: unknown }): number {
  const tenant = doc.tenant as { id: number } | number | string | undefined
  return Number(typeof tenant === 'object' && tenant !== null ? tenant.id : tenant)
}
