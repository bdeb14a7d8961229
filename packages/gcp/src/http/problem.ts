import { HttpError } from '@faasade/core'
import type { ResponseParts } from '@faasade/core/adapter'

/** A problem+json response from core's error model, built without logging (the caller already logged). */
export function problem(status: number, detail?: string, title?: string): ResponseParts {
  const error = new HttpError(status, detail, title ? { title } : {})
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    cookies: [],
    body: JSON.stringify(error.toProblem()),
  }
}
