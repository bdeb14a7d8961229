import { describe, expect, it } from 'vitest'
import { fixture } from '../test/fixture.js'
import { type AwsTrigger, detectTrigger } from './detect.js'

describe('detectTrigger: every fixture', () => {
  it.each<[string, string, AwsTrigger]>([
    ['lambda-edge', 'cloudfront-guide-viewer-request', 'lambda-edge'],
    ['lambda-edge', 'cloudfront-guide-origin-request', 'lambda-edge'],
    ['sqs', 'lambda-dev-guide-standard-batch', 'sqs'],
    ['sqs', 'lambda-dev-guide-fifo', 'sqs'],
    ['sqs', 'aws-lambda-go-message-attributes', 'sqs'],
    ['sqs', 'powertools-sns-to-sqs-fanout', 'sqs'],
    ['sqs', 'batch-one-fails', 'sqs'],
    ['sqs', 'fifo-batch', 'sqs'],
    ['s3', 'lambda-dev-guide-put', 's3'],
    ['s3', 'encoded-key-delete', 's3'],
    ['dynamodb', 'lambda-dev-guide-stream', 'dynamodb'],
    ['dynamodb', 'failing-record', 'dynamodb'],
    ['kinesis', 'lambda-dev-guide-kinesis', 'kinesis'],
    ['kinesis', 'failing-record', 'kinesis'],
    ['sns', 'lambda-dev-guide-sns', 'sns'],
    ['alb', 'aws-lambda-go-headers-only', 'alb'],
    ['alb', 'aws-lambda-go-multivalue-headers', 'alb'],
    ['alb', 'dotnet-put-base64-body', 'alb'],
    ['alb', 'elb-guide-health-check', 'alb'],
    ['alb', 'lambda-dev-guide-alb-get', 'alb'],
    ['alb', 'rust-runtime-multivalue-encoded-query', 'alb'],
    ['alb', 'single-value-post-json', 'alb'],
    ['function-url', 'captured-get-root-no-body', 'function-url'],
    ['function-url', 'captured-post-base64-body', 'function-url'],
    ['function-url', 'captured-post-headers-cookies-json-body', 'function-url'],
    ['function-url', 'lambda-dev-guide-request', 'function-url'],
    ['function-url', 'invalid-base64-body', 'function-url'],
    ['apigw-http', 'aws-lambda-go-v2-no-authorizer', 'http-api-v2'],
    ['apigw-http', 'docs-payload-v2', 'http-api-v2'],
    ['apigw-http', 'dotnet-captured-cookies', 'http-api-v2'],
    ['apigw-http', 'dotnet-captured-put-json-body', 'http-api-v2'],
    ['apigw-http', 'dotnet-captured-querystring-multivalue', 'http-api-v2'],
    ['apigw-http', 'repeated-query-keys', 'http-api-v2'],
    ['apigw-http', 'malformed-json-body', 'http-api-v2'],
    ['apigw-http', 'docs-payload-v1.0', 'http-api-v1'],
    // The java-libs sample is the REST example with "version":"1.0": the HTTP API 1.0 shape, served the same way.
    ['apigw-rest', 'java-libs-apigw-rest-event', 'http-api-v1'],
    ['apigw-rest', 'aws-lambda-go-apigw-request', 'rest-api'],
    ['apigw-rest', 'docs-proxy-input-format', 'rest-api'],
    ['apigw-rest', 'dotnet-console-test-invoke-querystring', 'rest-api'],
    ['apigw-rest', 'sam-generate-event-aws-proxy-base64', 'rest-api'],
    ['apigw-rest', 'rest-base64-binary-post', 'rest-api'],
    ['eventbridge', 'lambda-dev-guide-scheduled-event', 'schedule'],
    ['eventbridge', 'eventbridge-guide-custom-event', 'eventbridge'],
    ['eventbridge', 'eventbridge-guide-ec2-event', 'eventbridge'],
    ['eventbridge', 'lambda-dev-guide-rds-service-event', 'eventbridge'],
    ['direct-invoke', 'lambda-dev-guide-console-test-event', 'direct'],
    ['direct-invoke', 'array-payload', 'direct'],
  ])('%s/%s → %s', (source, variant, expected) => {
    expect(detectTrigger(fixture(source, variant))).toBe(expected)
  })
})

describe('detectTrigger: one row per rule, in order', () => {
  const url = fixture('function-url', 'captured-get-root-no-body')
  const v2 = fixture('apigw-http', 'aws-lambda-go-v2-no-authorizer')
  it.each<[string, unknown, AwsTrigger]>([
    [
      'Records[0].cf wins over everything (Lambda@Edge)',
      { Records: [{ cf: {}, eventSource: 'aws:sqs' }] },
      'lambda-edge',
    ],
    ['camelCase eventSource aws:sqs', { Records: [{ eventSource: 'aws:sqs' }] }, 'sqs'],
    ['camelCase eventSource aws:s3', { Records: [{ eventSource: 'aws:s3' }] }, 's3'],
    ['camelCase eventSource aws:dynamodb', { Records: [{ eventSource: 'aws:dynamodb' }] }, 'dynamodb'],
    ['camelCase eventSource aws:kinesis', { Records: [{ eventSource: 'aws:kinesis' }] }, 'kinesis'],
    ['SNS spells it PascalCase EventSource', { Records: [{ EventSource: 'aws:sns' }] }, 'sns'],
    ['SNS is missed by a camelCase-only check', { Records: [{ eventSource: 'aws:sns' }] }, 'unknown-records'],
    ['Records from another service', { Records: [{ eventSource: 'aws:ses' }] }, 'unknown-records'],
    ['an empty Records batch', { Records: [] }, 'unknown-records'],
    [
      'requestContext.elb is an ALB request, even with version 2.0',
      { version: '2.0', requestContext: { elb: {}, http: {} } },
      'alb',
    ],
    ['version 2.0 + requestContext.http on a lambda-url domain', url, 'function-url'],
    ['version 2.0 + requestContext.http on an execute-api domain', v2, 'http-api-v2'],
    [
      'version 2.0 + requestContext.http on a custom domain',
      { version: '2.0', requestContext: { http: {}, domainName: 'api.example.com' } },
      'http-api-v2',
    ],
    ['version 2.0 without requestContext.http is not HTTP', { version: '2.0', requestContext: {} }, 'direct'],
    [
      'httpMethod + requestContext with version 1.0',
      { version: '1.0', httpMethod: 'GET', requestContext: {} },
      'http-api-v1',
    ],
    ['httpMethod + requestContext without version (REST)', { httpMethod: 'GET', requestContext: {} }, 'rest-api'],
    ['httpMethod without requestContext is not HTTP', { httpMethod: 'GET', path: '/' }, 'direct'],
    [
      'detail-type + source + detail from aws.events, Scheduled Event',
      { 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} },
      'schedule',
    ],
    [
      'aws.events with another detail-type',
      { 'detail-type': 'Other', source: 'aws.events', detail: {} },
      'eventbridge',
    ],
    [
      'detail-type + source + detail from anywhere else',
      { 'detail-type': 'Order Placed', source: 'shop', detail: { id: 1 } },
      'eventbridge',
    ],
    ['source without detail-type is a plain payload', { source: 'shop', detail: {} }, 'direct'],
    ['a string payload', 'hello', 'direct'],
    ['a number payload', 42, 'direct'],
    ['a null payload', null, 'direct'],
    ['an array payload', [1, 2], 'direct'],
  ])('%s', (_rule, event, expected) => {
    expect(detectTrigger(event)).toBe(expected)
  })
})
