import { randomUUID } from 'node:crypto'
import type { KinesisStreamEvent, S3Event, SNSEvent, SQSEvent, SQSRecord } from 'aws-lambda'

const ACCOUNT = '123456789012'
const REGION = 'us-east-1'

/** A message body: text as is; any other value is sent as its JSON. */
export type MessageBody = string | number | boolean | null | object

const bodyText = (body: MessageBody): string => (typeof body === 'string' ? body : JSON.stringify(body))

/** One SQS message; a bare string or value is its body. */
export interface SqsMessageInit {
  body: MessageBody
  messageId?: string
  /** String message attributes. */
  attributes?: Readonly<Record<string, string>>
  /** ApproximateReceiveCount (1 on first delivery). */
  attempt?: number
  sentAt?: Date
  /** FIFO message group (FIFO queues only). */
  groupId?: string
}

/**
 * An SQS batch event; `fifo: true` makes it a FIFO queue's batch (queue name ending in `.fifo`, group ids,
 * sequence numbers). Items that are not `{ body }` objects are bodies.
 */
export function sqs(
  messages: ReadonlyArray<SqsMessageInit | string>,
  options: { queue?: string; fifo?: boolean } = {},
): SQSEvent {
  const fifo = options.fifo ?? options.queue?.endsWith('.fifo') ?? false
  const queue = options.queue ?? (fifo ? 'my-queue.fifo' : 'my-queue')
  return {
    Records: messages.map((item, i): SQSRecord => {
      const m: SqsMessageInit = typeof item === 'string' ? { body: item } : item
      const sent = String((m.sentAt ?? new Date()).getTime())
      const attributes: SQSRecord['attributes'] = {
        ApproximateReceiveCount: String(m.attempt ?? 1),
        SentTimestamp: sent,
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: sent,
      }
      if (fifo) {
        attributes.SequenceNumber = String(18849496460467696128n + BigInt(i))
        attributes.MessageGroupId = m.groupId ?? '1'
        attributes.MessageDeduplicationId = randomUUID()
      }
      const messageAttributes: SQSRecord['messageAttributes'] = {}
      for (const [k, v] of Object.entries(m.attributes ?? {})) {
        messageAttributes[k] = { stringValue: v, stringListValues: [], binaryListValues: [], dataType: 'String' }
      }
      return {
        messageId: m.messageId ?? randomUUID(),
        receiptHandle: `AQEB${Buffer.from(randomUUID()).toString('base64')}`,
        body: bodyText(m.body),
        attributes,
        messageAttributes,
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:${queue}`,
        awsRegion: REGION,
      }
    }),
  }
}

/** One SNS notification event (SNS delivers one record per invocation). */
export function sns(
  message:
    | MessageBody
    | { message: MessageBody; subject?: string; attributes?: Readonly<Record<string, string>>; messageId?: string },
  options: { topic?: string } = {},
): SNSEvent {
  const m =
    typeof message === 'object' && message !== null && 'message' in message
      ? (message as { message: MessageBody; subject?: string; attributes?: Record<string, string>; messageId?: string })
      : { message: message as MessageBody }
  const topicArn = `arn:aws:sns:${REGION}:${ACCOUNT}:${options.topic ?? 'my-topic'}`
  const attributes: Record<string, { Type: string; Value: string }> = {}
  for (const [k, v] of Object.entries(m.attributes ?? {})) attributes[k] = { Type: 'String', Value: v }
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${randomUUID()}`,
        EventSource: 'aws:sns',
        Sns: {
          SignatureVersion: '1',
          Timestamp: new Date().toISOString(),
          Signature: 'EXAMPLE',
          SigningCertUrl: `https://sns.${REGION}.amazonaws.com/SimpleNotificationService-example.pem`,
          MessageId: m.messageId ?? randomUUID(),
          Message: bodyText(m.message),
          MessageAttributes: attributes,
          Type: 'Notification',
          UnsubscribeUrl: `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}`,
          TopicArn: topicArn,
          Subject: m.subject ?? null,
        } as SNSEvent['Records'][number]['Sns'],
      },
    ],
  }
}

/** S3 encodes keys in notifications form-style: `+` for a space, `/` kept. */
export const encodeS3Key = (key: string): string =>
  encodeURIComponent(key).replaceAll('%20', '+').replaceAll('%2F', '/')

/** An S3 notification for one object (`type: 'deleted'` sends ObjectRemoved:Delete). */
export function s3(init: {
  bucket?: string
  key: string
  type?: 'created' | 'deleted'
  eventName?: string
  size?: number
  eTag?: string
  time?: Date
}): S3Event {
  const bucket = init.bucket ?? 'my-bucket'
  const deleted = init.type === 'deleted'
  // A deletion carries no size or eTag.
  const object: Record<string, unknown> = { key: encodeS3Key(init.key) }
  if (!deleted) {
    object.size = init.size ?? 1024
    object.eTag = init.eTag ?? 'd41d8cd98f00b204e9800998ecf8427e'
  }
  object.sequencer = '0C0F6F405D6ED209E1'
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: REGION,
        eventTime: (init.time ?? new Date()).toISOString(),
        eventName: init.eventName ?? (deleted ? 'ObjectRemoved:Delete' : 'ObjectCreated:Put'),
        userIdentity: { principalId: 'AWS:AIDAINPONIXQXHT3IKHL2' },
        requestParameters: { sourceIPAddress: '203.0.113.10' },
        responseElements: { 'x-amz-request-id': 'D82B88E5F771F645', 'x-amz-id-2': 'EXAMPLE' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'faasade-test',
          bucket: { name: bucket, ownerIdentity: { principalId: 'A3I5XTEXAMAI3E' }, arn: `arn:aws:s3:::${bucket}` },
          object: object as unknown as S3Event['Records'][number]['s3']['object'],
        },
      },
    ],
  }
}

/** A Kinesis batch; each item is the record's data (text, bytes or a JSON value) or `{ data, partitionKey }`. */
export function kinesis(
  records: ReadonlyArray<MessageBody | Uint8Array | { data: MessageBody | Uint8Array; partitionKey?: string }>,
  options: { stream?: string } = {},
): KinesisStreamEvent {
  const arn = `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${options.stream ?? 'my-stream'}`
  const now = Date.now() / 1000
  return {
    Records: records.map((item, i) => {
      const r =
        typeof item === 'object' && item !== null && !(item instanceof Uint8Array) && 'data' in item
          ? (item as { data: MessageBody | Uint8Array; partitionKey?: string })
          : { data: item as MessageBody | Uint8Array }
      const bytes = r.data instanceof Uint8Array ? r.data : Buffer.from(bodyText(r.data), 'utf8')
      const sequenceNumber = String(49590338271490256608559692538361571095921575989136588898n + BigInt(i) * 1000n)
      return {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: r.partitionKey ?? '1',
          sequenceNumber,
          data: Buffer.from(bytes).toString('base64'),
          approximateArrivalTimestamp: now,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `shardId-000000000006:${sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: `arn:aws:iam::${ACCOUNT}:role/lambda-role`,
        awsRegion: REGION,
        eventSourceARN: arn,
      }
    }),
  }
}
