import type {
  EventsDeploy,
  HttpDeploy,
  InvokeDeploy,
  MessagesDeploy,
  ObjectsDeploy,
  ScheduleDeploy,
} from '@faasade/core'
import { toAwsCron } from '../cron.js'
import type { FunctionInfo } from '../discover.js'
import { CliError } from '../errors.js'
import { Tag, type Yaml, toYaml } from '../yaml.js'

/** The Lambda runtime the artifacts target (nodejs20.x can no longer be created or updated). */
export const AWS_RUNTIME = 'nodejs22.x'

type Resources = Record<string, Yaml>

/** A CloudFormation logical id from an export name: alphanumeric, PascalCase. */
export function logicalId(name: string, suffix: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean)
  return `${words.map((w) => (w[0] as string).toUpperCase() + w.slice(1)).join('')}${suffix}`
}

const isArn = (value: string): boolean => value.startsWith('arn:')

function httpEvents(name: string, deploy: HttpDeploy | InvokeDeploy | undefined, kind: string): Record<string, Yaml> {
  const route = `/${(deploy?.route ?? name).replace(/^\/+/, '')}`
  const methods = kind === 'invoke' ? ['POST'] : ((deploy as HttpDeploy | undefined)?.methods ?? ['ANY'])
  const isPublic = (deploy as HttpDeploy | undefined)?.public === true
  const events: Record<string, Yaml> = {}
  methods.forEach((method, i) => {
    events[`Http${i}`] = {
      Type: 'HttpApi',
      Properties: { Path: route, Method: method, Auth: isPublic ? undefined : { Authorizer: 'AWS_IAM' } },
    }
  })
  return events
}

function messageEvents(f: FunctionInfo, resources: Resources): Record<string, Yaml> {
  const aws = (f.fn.options.deploy as MessagesDeploy | undefined)?.aws
  const batch = aws?.batchSize
  const failures = ['ReportBatchItemFailures']
  if (aws?.queue) {
    let queue: Yaml = aws.queue
    if (!isArn(aws.queue)) {
      const id = logicalId(aws.queue, 'Queue')
      resources[id] = { Type: 'AWS::SQS::Queue', Properties: { QueueName: aws.queue, VisibilityTimeout: 180 } }
      queue = new Tag('!GetAtt', `${id}.Arn`)
    }
    return { Queue: { Type: 'SQS', Properties: { Queue: queue, BatchSize: batch, FunctionResponseTypes: failures } } }
  }
  if (aws?.topic) {
    let topic: Yaml = aws.topic
    if (!isArn(aws.topic)) {
      const id = logicalId(aws.topic, 'Topic')
      resources[id] = { Type: 'AWS::SNS::Topic', Properties: { TopicName: aws.topic } }
      topic = new Tag('!Ref', id)
    }
    return { Topic: { Type: 'SNS', Properties: { Topic: topic } } }
  }
  const stream = aws?.stream ?? aws?.table
  if (stream) {
    if (!isArn(stream)) {
      throw new CliError(
        `${f.name}: deploy.aws.${aws?.stream ? 'stream' : 'table'} must be the stream ARN (arn:aws:kinesis:… or the DynamoDB table's stream ARN), got "${stream}".`,
      )
    }
    const type = aws?.stream ? 'Kinesis' : 'DynamoDB'
    const props = { Stream: stream, StartingPosition: 'LATEST', BatchSize: batch, FunctionResponseTypes: failures }
    return { Stream: { Type: type, Properties: props } }
  }
  throw new CliError(`${f.name} (messages) needs deploy.aws.queue, topic, stream or table for the aws target.`)
}

function objectEvents(f: FunctionInfo, resources: Resources): Record<string, Yaml> {
  const deploy = f.fn.options.deploy as ObjectsDeploy | undefined
  if (!deploy?.bucket) throw new CliError(`${f.name} (objects) needs deploy.bucket for the aws target.`)
  // SAM's S3 event source only accepts a bucket declared in the same template.
  const id = logicalId(deploy.bucket, 'Bucket')
  resources[id] = { Type: 'AWS::S3::Bucket', Properties: { BucketName: deploy.bucket } }
  const events = (deploy.on ?? ['created']).map((on) =>
    on === 'created' ? 's3:ObjectCreated:*' : 's3:ObjectRemoved:*',
  )
  return { Objects: { Type: 'S3', Properties: { Bucket: new Tag('!Ref', id), Events: events } } }
}

function triggerEvents(f: FunctionInfo, resources: Resources): Record<string, Yaml> | undefined {
  const deploy = f.fn.options.deploy
  switch (f.kind) {
    case 'http':
      return httpEvents(f.name, deploy as HttpDeploy | undefined, 'http')
    case 'invoke':
      // Called with `aws lambda invoke`; no event source.
      return undefined
    case 'messages':
      return messageEvents(f, resources)
    case 'objects':
      return objectEvents(f, resources)
    case 'schedule': {
      const cron = (deploy as ScheduleDeploy | undefined)?.cron
      if (!cron) throw new CliError(`${f.name} (schedule) needs deploy.cron for the aws target.`)
      return { Schedule: { Type: 'Schedule', Properties: { Schedule: toAwsCron(cron, f.name) } } }
    }
    case 'events': {
      const aws = (deploy as EventsDeploy | undefined)?.aws
      if (!aws?.source?.length && !aws?.detailType?.length) {
        throw new CliError(
          `${f.name} (events) needs deploy.aws.source or deploy.aws.detailType (the EventBridge pattern) for the aws target.`,
        )
      }
      const pattern = { source: aws.source, 'detail-type': aws.detailType }
      return { Rule: { Type: 'EventBridgeRule', Properties: { Pattern: pattern, EventBusName: aws.bus } } }
    }
  }
}

/** The SAM template wiring each function (handler `index.<export>` in function.zip) to its trigger. */
export function samTemplate(functions: readonly FunctionInfo[], codeUri = 'function.zip'): string {
  const resources: Resources = {}
  const outputs: Record<string, Yaml> = {}
  for (const f of functions) {
    const id = logicalId(f.name, 'Function')
    if (resources[id]) throw new CliError(`Two exports map to the same CloudFormation id ${id}; rename one of them.`)
    resources[id] = {
      Type: 'AWS::Serverless::Function',
      Properties: { Handler: `index.${f.name}`, Events: triggerEvents(f, resources) },
    }
    outputs[`${id}Name`] = { Value: new Tag('!Ref', id) }
  }
  if (functions.some((f) => f.kind === 'http')) {
    outputs.HttpApiUrl = {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's !Sub placeholders, not a JS template.
      Value: new Tag('!Sub', 'https://${ServerlessHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}'),
    }
  }
  const iamRoutes = functions.some(
    (f) => f.kind === 'http' && (f.fn.options.deploy as HttpDeploy | undefined)?.public !== true,
  )
  return toYaml({
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: 'Generated by faasade build; edit the deploy settings in your function definitions instead.',
    Globals: {
      Function: { Runtime: AWS_RUNTIME, CodeUri: codeUri, MemorySize: 256, Timeout: 30 },
      // Routes of non-public functions use IAM auth, which the implicit HTTP API must enable:
      // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-httpapiauth.html
      HttpApi: iamRoutes ? { Auth: { EnableIamAuthorizer: true } } : undefined,
    },
    Resources: resources,
    Outputs: outputs,
  })
}
