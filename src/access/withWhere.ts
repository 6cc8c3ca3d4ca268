import type { Access, Where } from 'payload'

/** Narrows an access result with an extra Where (e.g. "only drafts may be edited"). */
export function withWhere(access: Access, where: Where): Access {
  return async (args) => {
    const result = await access(args)
    if (result === false) return false
    if (result === true) return where
    return { and: [result, where] }
  }
}
