/** Every envelope a Lambda function can be handed, as `detectTrigger` names it. */
export type AwsTrigger =
  | 'lambda-edge'
  | 'sqs'
  | 's3'
  | 'dynamodb'
  | 'kinesis'
  | 'sns'
  | 'unknown-records'
  | 'alb'
  | 'function-url'
  | 'http-api-v2'
  | 'http-api-v1'
  | 'rest-api'
  | 'schedule'
  | 'eventbridge'
  | 'direct'

const RECORD_SOURCES: Readonly<Record<string, AwsTrigger | undefined>> = {
  'aws:sqs': 'sqs',
  'aws:s3': 's3',
  'aws:dynamodb': 'dynamodb',
  'aws:kinesis': 'kinesis',
}

/**
 * Names the envelope of a Lambda event. Several shapes overlap, so the order of the rules matters
 * (shared/research/event-quirks.md §0); each rule has a row in detect.test.ts.
 */
export function detectTrigger(event: unknown): AwsTrigger {
  if (typeof event !== 'object' || event === null) return 'direct'
  const e = event as Record<string, any>

  const records = e.Records
  if (records !== undefined) {
    const first = Array.isArray(records) ? records[0] : undefined
    if (typeof first !== 'object' || first === null) return 'unknown-records'
    // Lambda@Edge: Records[0].cf. https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
    if (first.cf !== undefined) return 'lambda-edge'
    // SQS, S3, DynamoDB and Kinesis spell it camelCase `eventSource`.
    // https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html (and with-s3, with-ddb, with-kinesis)
    const source = RECORD_SOURCES[first.eventSource]
    if (source !== undefined) return source
    // SNS alone spells it PascalCase `EventSource`: a camelCase-only check misses it.
    // https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
    if (first.EventSource === 'aws:sns') return 'sns'
    return 'unknown-records'
  }

  const rc = e.requestContext
  if (typeof rc === 'object' && rc !== null) {
    // ALB: only `requestContext.elb`, no request id or stage.
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
    if (rc.elb !== undefined) return 'alb'
    // HTTP API payload 2.0 and Function URLs share one shape; a URL's domain is <id>.lambda-url.<region>.on.aws.
    // https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
    if (e.version === '2.0' && rc.http !== undefined) {
      const domain = rc.domainName
      return typeof domain === 'string' && domain.includes('.lambda-url.') ? 'function-url' : 'http-api-v2'
    }
    // REST APIs send no `version`; HTTP APIs on payload 1.0 send the same shape plus "version":"1.0".
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
    if (typeof e.httpMethod === 'string') return e.version === '1.0' ? 'http-api-v1' : 'rest-api'
  }

  // EventBridge: hyphenated `detail-type`; rules on a schedule send source aws.events + "Scheduled Event".
  // https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchevents.html
  if (typeof e['detail-type'] === 'string' && typeof e.source === 'string' && 'detail' in e) {
    return e.source === 'aws.events' && e['detail-type'] === 'Scheduled Event' ? 'schedule' : 'eventbridge'
  }

  // Anything else is a direct invocation: the caller's JSON, with no envelope at all.
  // https://docs.aws.amazon.com/lambda/latest/dg/getting-started.html
  return 'direct'
}

/** How an error message names each envelope ("… but it received an SQS batch"). */
export const TRIGGER_NAMES: Readonly<Record<AwsTrigger, string>> = {
  'lambda-edge': 'a Lambda@Edge (CloudFront) event',
  sqs: 'an SQS batch',
  s3: 'an S3 event notification',
  dynamodb: 'a DynamoDB stream batch',
  kinesis: 'a Kinesis stream batch',
  sns: 'an SNS notification',
  'unknown-records': 'a Records batch from an unsupported source',
  alb: 'an ALB request',
  'function-url': 'a Function URL request',
  'http-api-v2': 'an HTTP API (payload 2.0) request',
  'http-api-v1': 'an HTTP API (payload 1.0) request',
  'rest-api': 'an API Gateway REST request',
  schedule: 'an EventBridge scheduled event',
  eventbridge: 'an EventBridge event',
  direct: 'a direct invocation payload',
}
