import { describe, expect, it } from 'vitest'

import { reportToCsv } from '../../../src/domain/reports/csv'

describe('reportToCsv', () => {
  it('should write the columns as header, quote separators and quotes, and defuse spreadsheet formulas', () => {
    const csv = reportToCsv({
      report: 'x',
      parameters: {},
      columns: ['sku', 'name', 'value'],
      rows: [
        { sku: 'A-1', name: 'Beans, "house" blend', value: -12.5 },
        { sku: '=HYPERLINK("x")', name: null, value: 0 },
      ],
    })
    expect(csv).toBe('sku,name,value\r\nA-1,"Beans, ""house"" blend",-12.5\r\n"\'=HYPERLINK(""x"")",,0\r\n')
  })
})
