import { type FaasFunction, events, http, invoke, messages, objects, schedule } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { samTemplate } from './aws/template.js'
import { azurePlan } from './azure/plan.js'
import type { FunctionInfo } from './discover.js'
import { deployCommand, gcpPlan } from './gcp/plan.js'

const noop = async () => {}
const info = (name: string, fn: FaasFunction): FunctionInfo => ({ name, kind: fn.kind, fn })

const api = info(
  'getOrder',
  http({
    deploy: { route: 'orders/{id}', methods: ['GET', 'HEAD'], public: true },
    handler: async () => ({ status: 204 }),
  }),
)
const priv = info(
  'admin',
  http(async () => ({ status: 204 })),
)
const sum = info(
  'sum',
  invoke(async () => 1),
)
const queue = info(
  'fulfil',
  messages({
    deploy: { aws: { queue: 'orders', batchSize: 5 }, gcp: { topic: 'orders' }, azure: { queue: 'orders' } },
    handler: noop,
  }),
)
const topic = info(
  'fanout',
  messages({
    deploy: {
      aws: { topic: 'arn:aws:sns:us-east-1:1:t' },
      gcp: { topic: 't', retry: false },
      azure: { topic: 't', subscription: 's' },
    },
    handler: noop,
  }),
)
const stream = info(
  'clicks',
  messages({
    deploy: {
      aws: { stream: 'arn:aws:kinesis:us-east-1:1:stream/clicks' },
      gcp: { topic: 'c' },
      azure: { eventHub: 'clicks' },
    },
    handler: noop,
  }),
)
const files = info(
  'uploaded',
  objects({ deploy: { bucket: 'uploads', on: ['created', 'deleted'], azure: { eventGrid: true } }, handler: noop }),
)
const nightly = info('nightly', schedule({ deploy: { cron: '0 2 * * 1-5' }, handler: noop }))
const audit = info(
  'audit',
  events({
    deploy: {
      aws: { source: ['app.orders'], detailType: ['OrderPlaced'] },
      gcp: { eventType: 'google.cloud.audit.log.v1.written', filters: { serviceName: 'storage.googleapis.com' } },
    },
    handler: noop,
  }),
)

describe('SAM template', () => {
  const yaml = samTemplate([api, priv, sum, queue, topic, stream, files, nightly, audit])

  it('wires each function to its trigger, nodejs22.x, handler index.<export>', () => {
    expect(yaml).toContain('Runtime: nodejs22.x')
    expect(yaml).toContain('CodeUri: function.zip')
    for (const name of ['getOrder', 'admin', 'sum', 'fulfil', 'fanout', 'clicks', 'uploaded', 'nightly', 'audit'])
      expect(yaml).toContain(`Handler: index.${name}`)
    expect(yaml).toMatch(/Type: HttpApi\n\s+Properties:\n\s+Path: \/orders\/\{id\}\n\s+Method: GET\n/)
    expect(yaml).toMatch(/Path: \/admin\n\s+Method: ANY\n\s+Auth:\n\s+Authorizer: AWS_IAM/)
    expect(yaml).toMatch(/HttpApi:\n\s+Auth:\n\s+EnableIamAuthorizer: true/)
    expect(samTemplate([api])).not.toContain('EnableIamAuthorizer')
    expect(yaml).toMatch(/QueueName: orders\n/)
    expect(yaml).toMatch(
      /Type: SQS\n\s+Properties:\n\s+Queue: !GetAtt OrdersQueue.Arn\n\s+BatchSize: 5\n\s+FunctionResponseTypes:\n\s+- ReportBatchItemFailures/,
    )
    expect(yaml).toMatch(/Type: SNS\n\s+Properties:\n\s+Topic: arn:aws:sns:us-east-1:1:t\n/)
    expect(yaml).toMatch(
      /Type: Kinesis\n\s+Properties:\n\s+Stream: arn:aws:kinesis:us-east-1:1:stream\/clicks\n\s+StartingPosition: LATEST/,
    )
    expect(yaml).toMatch(
      /BucketName: uploads[\s\S]*Bucket: !Ref UploadsBucket\n\s+Events:\n\s+- "s3:ObjectCreated:\*"\n\s+- "s3:ObjectRemoved:\*"/,
    )
    expect(yaml).toContain('Schedule: "cron(0 2 ? * MON-FRI *)"')
    expect(yaml).toMatch(
      /Type: EventBridgeRule\n\s+Properties:\n\s+Pattern:\n\s+source:\n\s+- app.orders\n\s+detail-type:\n\s+- OrderPlaced/,
    )
    expect(yaml).not.toMatch(/SumFunction:\n(?:.*\n){3}\s+Events/)
  })

  it.each([
    [info('m', messages(noop)), /m \(messages\) needs deploy.aws.queue, topic, stream or table for the aws target/],
    [
      info('m', messages({ deploy: { aws: { stream: 'clicks' } }, handler: noop })),
      /deploy.aws.stream must be the stream ARN/,
    ],
    [info('o', objects(noop)), /o \(objects\) needs deploy.bucket for the aws target/],
    [info('s', schedule(noop)), /s \(schedule\) needs deploy.cron for the aws target/],
    [info('e', events(noop)), /e \(events\) needs deploy.aws.source or deploy.aws.detailType/],
  ])('names what the aws target needs: %#', (f, message) => {
    expect(() => samTemplate([f])).toThrow(message)
  })
})

describe('gcloud commands', () => {
  const cmds = (f: FunctionInfo) =>
    gcpPlan([f], 'europe-west1').flatMap((d) => [...d.before, deployCommand(d, 'source', 'europe-west1'), ...d.after])

  it.each([
    [
      api,
      [
        'gcloud functions deploy get-order --gen2 --region=europe-west1 --runtime=nodejs22 --source=source --entry-point=getOrder --trigger-http --allow-unauthenticated',
      ],
    ],
    [
      priv,
      [
        'gcloud functions deploy admin --gen2 --region=europe-west1 --runtime=nodejs22 --source=source --entry-point=admin --trigger-http --no-allow-unauthenticated',
      ],
    ],
    [
      queue,
      [
        'gcloud functions deploy fulfil --gen2 --region=europe-west1 --runtime=nodejs22 --source=source --entry-point=fulfil --trigger-topic orders --retry',
      ],
    ],
    [
      topic,
      [
        'gcloud functions deploy fanout --gen2 --region=europe-west1 --runtime=nodejs22 --source=source --entry-point=fanout --trigger-topic t',
      ],
    ],
    [
      files,
      [
        'gcloud functions deploy uploaded --gen2 --region=europe-west1 --runtime=nodejs22 --source=source --entry-point=uploaded --trigger-event-filters=type=google.cloud.storage.object.v1.finalized --trigger-event-filters=bucket=uploads --retry',
        'gcloud functions deploy uploaded-deleted --gen2 --region=europe-west1 --runtime=nodejs22 --source=source --entry-point=uploaded --trigger-event-filters=type=google.cloud.storage.object.v1.deleted --trigger-event-filters=bucket=uploads --retry',
      ],
    ],
    [
      nightly,
      [
        'gcloud pubsub topics create nightly-schedule',
        'gcloud functions deploy nightly --gen2 --region=europe-west1 --runtime=nodejs22 --source=source --entry-point=nightly --trigger-topic nightly-schedule',
        "gcloud scheduler jobs create pubsub nightly --location europe-west1 --schedule '0 2 * * 1-5' --time-zone Etc/UTC --topic nightly-schedule --message-body '{}'",
      ],
    ],
    [
      audit,
      [
        'gcloud functions deploy audit --gen2 --region=europe-west1 --runtime=nodejs22 --source=source --entry-point=audit --trigger-event-filters=type=google.cloud.audit.log.v1.written --trigger-event-filters=serviceName=storage.googleapis.com --retry',
      ],
    ],
  ])('%#: exact commands per trigger', (f, expected) => {
    expect(cmds(f)).toEqual(expected)
  })

  it('gives event functions a gen1 command on their background export', () => {
    const [d] = gcpPlan([queue], 'us-central1')
    expect(deployCommand(d as never, 'source', 'us-central1', true)).toBe(
      'gcloud functions deploy fulfil --no-gen2 --region=us-central1 --runtime=nodejs22 --source=source --entry-point=fulfil_gen1 --trigger-topic orders --retry',
    )
  })

  it.each([
    [info('m', messages(noop)), /m \(messages\) needs deploy.gcp.topic/],
    [info('o', objects(noop)), /o \(objects\) needs deploy.bucket for the gcp target/],
    [info('e', events(noop)), /e \(events\) needs deploy.gcp.eventType/],
    [
      info(
        '$bad',
        http(async () => ({})),
      ),
      /not a valid Cloud Functions entry point/,
    ],
  ])('names what the gcp target needs: %#', (f, message) => {
    expect(() => gcpPlan([f], 'us-central1')).toThrow(message)
  })
})

describe('Azure registrations', () => {
  it('maps each function to its app.* trigger and options', () => {
    expect(
      azurePlan([api, priv, sum, queue, topic, stream, files, nightly]).map((r) => [r.name, r.trigger, r.options]),
    ).toEqual([
      ['getOrder', 'http', { route: 'orders/{id}', methods: ['GET', 'HEAD'], authLevel: 'anonymous' }],
      ['admin', 'http', { route: 'admin', methods: undefined, authLevel: 'function' }],
      ['sum', 'http', { route: 'sum', methods: ['POST'], authLevel: 'function' }],
      ['fulfil', 'storageQueue', { type: 'storageQueue', queueName: 'orders', connection: 'AzureWebJobsStorage' }],
      [
        'fanout',
        'serviceBusTopic',
        { type: 'serviceBusTopic', topicName: 't', subscriptionName: 's', connection: 'ServiceBusConnection' },
      ],
      [
        'clicks',
        'eventHub',
        { type: 'eventHub', eventHubName: 'clicks', connection: 'EventHubConnection', cardinality: 'many' },
      ],
      ['uploaded', 'eventGrid', { type: 'eventGrid' }],
      ['nightly', 'timer', { schedule: '0 0 2 * * 1-5' }],
    ])
  })

  it.each([
    [info('m', messages(noop)), /m \(messages\) needs deploy.azure for the azure target/],
    [
      info('o', objects({ deploy: { bucket: 'b', on: ['deleted'] }, handler: noop })),
      /never sees deletions; set deploy.azure.eventGrid/,
    ],
    [info('o', objects(noop)), /o \(objects\) needs deploy.bucket \(the blob container\)/],
    [info('s', schedule(noop)), /s \(schedule\) needs deploy.cron for the azure target/],
  ])('names what the azure target needs: %#', (f, message) => {
    expect(() => azurePlan([f])).toThrow(message)
  })
})
