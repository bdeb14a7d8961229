import { describe, expect, it } from 'vitest'
import { fromDynamoNumber, unmarshall } from './unmarshall.js'

describe('DynamoDB numbers become JS numbers only when nothing is lost', () => {
  it.each<[string, number | string]>([
    ['101', 101],
    ['-7', -7],
    ['0', 0],
    ['19.99', 19.99],
    ['1e3', 1000],
    ['9007199254740991', 9007199254740991],
    ['9007199254740993', '9007199254740993'],
    ['12345678901234567890', '12345678901234567890'],
    ['0.1234567890123456789', '0.1234567890123456789'],
    ['3.14159265358979', 3.14159265358979],
  ])('%s → %s', (text, expected) => {
    expect(fromDynamoNumber(text)).toBe(expected)
  })

  it('sets, lists, maps, binary, null and booleans', () => {
    expect(
      unmarshall({
        s: { S: 'x' },
        ss: { SS: ['a', 'b'] },
        ns: { NS: ['1', '2.5'] },
        bs: { BS: ['AA==', 'AQ=='] },
        b: { B: 'AAEC' },
        l: { L: [{ N: '1' }, { M: { k: { BOOL: true } } }] },
        nil: { NULL: true },
      }),
    ).toEqual({ s: 'x', ss: ['a', 'b'], ns: [1, 2.5], bs: ['AA==', 'AQ=='], b: 'AAEC', l: [1, { k: true }], nil: null })
  })
})
