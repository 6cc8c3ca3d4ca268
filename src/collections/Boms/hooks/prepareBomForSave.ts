import type { CollectionBeforeChangeHook } from 'payload'

import { prepareBom } from '../../../domain/boms/prepareBom'

export const prepareBomForSave: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => prepareBom({ req, data, originalDoc })
