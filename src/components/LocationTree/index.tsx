import type { ServerProps } from 'payload'

import { slugs } from '../../collections/slugs'

/** The warehouse's locations as an indented tree (Stock, Quarantine, Inbound transit and their zones and bins). */
export async function LocationTree({ id, payload, user }: ServerProps) {
  if (!id || !user) return null
  const { docs } = await payload.find({
    collection: slugs.locations,
    where: { warehouse: { equals: id } },
    sort: 'path',
    limit: 1000,
    depth: 0,
    overrideAccess: false,
    user,
  })
  return (
    <div style={{ marginBottom: '2rem' }} data-testid="location-tree">
      <h3>Locations</h3>
      <ul style={{ listStyle: 'none', paddingLeft: 0 }}>
        {docs.map((location: any) => {
          const depth = String(location.path).split('/').length - 2
          return (
            <li key={location.id} style={{ paddingLeft: `${depth * 1.25}rem`, lineHeight: 1.8 }}>
              <a href={`/admin/collections/${slugs.locations}/${location.id}`}>{location.code}</a>
              <span style={{ color: 'var(--theme-elevation-500)' }}> · {location.name} · {location.kind}{location.temperatureClass && location.temperatureClass !== 'ambient' ? ` · ${location.temperatureClass}` : ''}{location.active === false ? ' · inactive' : ''}</span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
