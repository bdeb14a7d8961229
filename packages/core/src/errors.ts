import type { ValidationIssue } from './schema.js'

/** RFC 9457 problem details, as sent in `application/problem+json` bodies. */
export interface ProblemDetails {
  type: string
  title: string
  status: number
  detail?: string
  instance?: string
  [extension: string]: unknown
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** The reason phrase for a status code (`404` → `"Not Found"`). */
export function statusText(status: number): string {
  return TITLES[status] ?? (status < 400 ? 'OK' : status < 500 ? 'Client Error' : 'Server Error')
}

export interface HttpErrorOptions {
  /** A URI naming the problem type; `about:blank` by default. */
  type?: string
  title?: string
  /** Extra members of the problem body (RFC 9457 §3.2). */
  extensions?: Record<string, unknown>
  headers?: Record<string, string>
  cause?: unknown
}

const BRAND = Symbol.for('faasade.HttpError')

/** An error with an HTTP status; thrown from any handler it becomes a problem+json response. */
export class HttpError extends Error {
  // Recognised across duplicate copies of core (ESM and CJS builds in one process, bundled twice).
  static [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` was asked about (a subclass too).
    if (this !== HttpError) return Function.prototype[Symbol.hasInstance].call(this, value)
    return typeof value === 'object' && value !== null && BRAND in value
  }
  readonly [BRAND] = true
  override readonly name: string = 'HttpError'
  readonly status: number
  readonly type: string
  readonly title: string
  readonly detail: string | undefined
  readonly extensions: Record<string, unknown>
  readonly headers: Record<string, string>

  constructor(status: number, detail?: string, options: HttpErrorOptions = {}) {
    super(detail ?? statusText(status), options.cause === undefined ? undefined : { cause: options.cause })
    this.status = status
    this.type = options.type ?? 'about:blank'
    this.title = options.title ?? statusText(status)
    this.detail = detail
    this.extensions = options.extensions ?? {}
    this.headers = options.headers ?? {}
  }

  /** The RFC 9457 body for this error. */
  toProblem(): ProblemDetails {
    const problem: ProblemDetails = { type: this.type, title: this.title, status: this.status }
    if (this.detail !== undefined) problem.detail = this.detail
    return Object.assign(problem, this.extensions)
  }
}

/** Input that failed a schema; a 400 whose body lists each issue's path and message. */
export class ValidationError extends HttpError {
  override readonly name = 'ValidationError'
  readonly issues: readonly ValidationIssue[]

  constructor(issues: readonly ValidationIssue[], detail = 'The input failed validation.') {
    super(400, `${detail} ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`.trim(), {
      title: 'Validation failed',
      extensions: { issues },
    })
    this.issues = issues
  }
}

/** A function of one kind was handed another kind's event. */
export class KindMismatchError extends Error {
  override readonly name = 'KindMismatchError'
  constructor(
    readonly expected: string,
    readonly received: string,
  ) {
    super(
      `faasade: this is a "${expected}" function but it received ${received}. ` +
        `Wire it to a ${expected} trigger, or define it with the kind that matches ${received}.`,
    )
  }
}

/** An event whose shape no adapter rule recognises. */
export class UnknownEventError extends Error {
  override readonly name = 'UnknownEventError'
  constructor(
    readonly provider: string,
    detail: string,
  ) {
    super(`faasade (${provider}): unrecognised event: ${detail}`)
  }
}

export const badRequest = (detail?: string, options?: HttpErrorOptions): HttpError =>
  new HttpError(400, detail, options)
export const unauthorized = (detail?: string, options?: HttpErrorOptions): HttpError =>
  new HttpError(401, detail, options)
export const forbidden = (detail?: string, options?: HttpErrorOptions): HttpError => new HttpError(403, detail, options)
export const notFound = (detail?: string, options?: HttpErrorOptions): HttpError => new HttpError(404, detail, options)
export const methodNotAllowed = (detail?: string, options?: HttpErrorOptions): HttpError =>
  new HttpError(405, detail, options)
export const conflict = (detail?: string, options?: HttpErrorOptions): HttpError => new HttpError(409, detail, options)
export const contentTooLarge = (detail?: string, options?: HttpErrorOptions): HttpError =>
  new HttpError(413, detail, options)
export const unsupportedMediaType = (detail?: string, options?: HttpErrorOptions): HttpError =>
  new HttpError(415, detail, options)
export const unprocessable = (detail?: string, options?: HttpErrorOptions): HttpError =>
  new HttpError(422, detail, options)
export const tooManyRequests = (detail?: string, options?: HttpErrorOptions): HttpError =>
  new HttpError(429, detail, options)
export const internalError = (detail?: string, options?: HttpErrorOptions): HttpError =>
  new HttpError(500, detail, options)
