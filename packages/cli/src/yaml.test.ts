import { describe, expect, it } from 'vitest'
import { Tag, toYaml } from './yaml.js'

describe('toYaml', () => {
  it('writes block YAML, quoting only what YAML would misread, with CloudFormation tags', () => {
    const doc = toYaml({
      Version: '2010-09-09',
      Plain: 'nodejs22.x',
      Flag: 'true',
      Cron: 'cron(0 * * * ? *)',
      Events: ['s3:ObjectCreated:*'],
      Empty: {},
      Skipped: undefined,
      Arn: new Tag('!GetAtt', 'Queue.Arn'),
      List: [{ Type: 'SQS', Properties: { BatchSize: 10 } }],
    })
    expect(doc).toBe(
      [
        'Version: "2010-09-09"',
        'Plain: nodejs22.x',
        'Flag: "true"',
        'Cron: "cron(0 * * * ? *)"',
        'Events:',
        '  - "s3:ObjectCreated:*"',
        'Empty: {}',
        'Arn: !GetAtt Queue.Arn',
        'List:',
        '  - Type: SQS',
        '    Properties:',
        '      BatchSize: 10',
        '',
      ].join('\n'),
    )
  })
})
