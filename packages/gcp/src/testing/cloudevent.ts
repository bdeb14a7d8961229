import { type Json, type NativeRequest, isoTime, nextId, toBase64 } from './request.js'

/** The attributes and data of a CloudEvent to send. */
export interface CloudEventOptions {
  type: string
  source: string
  id?: string
  time?: string | Date
  subject?: string
  /** JSON value, text or bytes (bytes travel as `data_base64` in structured mode). */
  data?: Json | object | Uint8Array
  datacontenttype?: string
  /** Extension attributes (`ce-<name>` headers in binary mode). */
  extensions?: Record<string, string>
  /** `binary` (attributes in `ce-*` headers, as Eventarc sends) or `structured` (one JSON body). Default binary. */
  mode?: 'binary' | 'structured'
  path?: string
}

/**
 * A CloudEvent request per the CloudEvents HTTP binding: binary mode puts the attributes in `ce-*` headers and
 * the data in the body; structured mode sends `application/cloudevents+json`.
 */
export function cloudEvent(options: CloudEventOptions): NativeRequest {
  const attributes: Record<string, string> = {
    specversion: '1.0',
    id: options.id ?? nextId(),
    source: options.source,
    type: options.type,
    time: isoTime(options.time),
    ...(options.subject === undefined ? {} : { subject: options.subject }),
    ...options.extensions,
  }
  const data = options.data
  const bytes = data instanceof Uint8Array
  const contentType =
    options.datacontenttype ??
    (bytes ? 'application/octet-stream' : typeof data === 'string' ? 'text/plain' : 'application/json')
  const path = options.path ?? '/'
  if (options.mode === 'structured') {
    const event: Record<string, unknown> = { ...attributes }
    if (data !== undefined) {
      event.datacontenttype = contentType
      if (bytes) event.data_base64 = toBase64(data)
      else event.data = data
    }
    const body = JSON.stringify(event)
    return { method: 'POST', path, headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' }, body }
  }
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(attributes)) headers[`ce-${k}`] = v
  if (data === undefined) return { method: 'POST', path, headers }
  headers['content-type'] = contentType
  const body = bytes || typeof data === 'string' ? data : JSON.stringify(data)
  return { method: 'POST', path, headers, body }
}
