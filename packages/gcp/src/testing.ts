/**
 * Test helpers for `@faasade/gcp`: builders of the requests GCP sends a function (HTTP, Pub/Sub CloudEvents and
 * push, Storage CloudEvents, legacy gen1 events, Cloud Scheduler), and `serve`, which runs a faasade function
 * through the real Functions Framework on a loopback port.
 * @example
 * const server = await serve(hello)
 * const res = await server.send(httpRequest({ path: '/', query: { name: 'Ada' } }))
 * @module
 */
export { httpRequest, toBase64 } from './testing/request.js'
export type { NativeRequest, HttpRequestOptions, Json } from './testing/request.js'
export { cloudEvent } from './testing/cloudevent.js'
export type { CloudEventOptions } from './testing/cloudevent.js'
export { pubsubCloudEvent, pubsubPush, legacyPubsubEvent } from './testing/pubsub.js'
export type { PubsubMessageOptions, PubsubDeliveryOptions } from './testing/pubsub.js'
export { storageCloudEvent, legacyStorageEvent } from './testing/storage.js'
export type { StorageObjectOptions } from './testing/storage.js'
export { schedulerJob } from './testing/scheduler.js'
export type { SchedulerJobOptions } from './testing/scheduler.js'
export { serve } from './testing/serve.js'
export type { ServeOptions, TestServer, NativeResponse } from './testing/serve.js'
