import { DomainError } from '../errors'

/** A BOM that (through nested BOMs) contains its own output: refused when saved (400) and when exploded (409). */
export class BomCycleError extends DomainError {
  constructor(skus: string[], { status, path }: { status: 400 | 409; path?: string }) {
    super('BOM.CYCLE', `The BOMs form a cycle: ${skus.join(' → ')}`, status, path)
  }
}

export class BomTooDeepError extends DomainError {
  constructor(skus: string[], maxDepth: number, { status, path }: { status: 400 | 409; path?: string }) {
    super('BOM.TOO_DEEP', `BOMs nest at most ${maxDepth} levels deep: ${skus.join(' → ')}`, status, path)
  }
}
