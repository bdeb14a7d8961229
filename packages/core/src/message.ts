import { type SyncBody, isSyncBody, syncBytes, syncJson, syncText } from './body.js'

/** One queue or topic message, the same on every cloud. */
export interface Message<T = undefined> {
  readonly id: string
  text(): string
  /** The body parsed as JSON; malformed JSON throws a 400-typed `HttpError`. */
  json<J = unknown>(): J
  bytes(): Uint8Array
  /** The body as validated by the function's `data` schema; `undefined` without one. */
  readonly data: T
  /** Message attributes / properties as strings. */
  readonly attributes: Readonly<Record<string, string>>
  /** 1 on first delivery. */
  readonly attempt: number
  readonly publishedAt: Date | undefined
  readonly native: unknown
}

export interface MessageInit {
  id: string
  body: SyncBody
  attributes?: Readonly<Record<string, string>> | undefined
  attempt?: number | undefined
  /** A Date, an ISO string, or epoch milliseconds. */
  publishedAt?: Date | string | number | undefined
  native: unknown
}

/** Turns an ISO string, epoch ms (number or numeric string) or Date into a Date; junk gives undefined. */
export function toDate(value: Date | string | number | undefined | null): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const date =
    value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

class QueueMessage implements Message<unknown> {
  readonly id: string
  readonly attributes: Readonly<Record<string, string>>
  readonly attempt: number
  readonly native: unknown
  data: unknown = undefined
  #body: SyncBody
  #published: MessageInit['publishedAt']

  constructor(init: MessageInit) {
    if (!isSyncBody(init.body)) throw new TypeError('faasade: message bodies must be readable without I/O')
    this.id = init.id
    this.#body = init.body
    this.attributes = init.attributes ?? {}
    this.attempt = init.attempt ?? 1
    this.#published = init.publishedAt
    this.native = init.native
  }

  get publishedAt(): Date | undefined {
    return toDate(this.#published)
  }

  text(): string {
    return syncText(this.#body, 'message body')
  }

  json<J = unknown>(): J {
    return syncJson(this.#body, 'message body') as J
  }

  bytes(): Uint8Array {
    return syncBytes(this.#body, 'message body')
  }
}

/** Builds a normalized message from what the adapter read off the native record. */
export function createMessage(init: MessageInit): Message<unknown> {
  return new QueueMessage(init)
}

/** Sets the validated data on a message (runners only). */
export function setMessageData(message: Message<unknown>, data: unknown): void {
  ;(message as { data: unknown }).data = data
}
