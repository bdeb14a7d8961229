import type { InvocationContext } from '@azure/functions'
import { type ObjectEvent, UnknownEventError } from '@faasade/core'
import { toDate } from '@faasade/core/adapter'
import { type Metadata, isRecord } from './_metadata.js'

/** ETags arrive with their HTTP quotes (`"0x8DA…"`, fx azure/blob/*); Event Grid and S3 give them bare. */
export const bareEtag = (v: unknown): string | undefined =>
  typeof v === 'string' ? (v.length > 1 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v) : undefined

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/**
 * A blob trigger run: `blobTrigger` is "<container>/<blob name>" (the name may hold more `/`), `properties`
 * gives size, ETag, content type and times. The blob's content is the input, kept on `native.input`.
 * The trigger fires for new and updated blobs only (deletions need Event Grid).
 * @see https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger#metadata
 */
export function toBlobEvent(input: unknown, meta: Metadata, context: InvocationContext): ObjectEvent {
  const path = meta.blobTrigger
  const slash = typeof path === 'string' ? path.indexOf('/') : -1
  if (typeof path !== 'string' || slash < 1) {
    throw new UnknownEventError(
      'azure',
      `blob trigger metadata has no "blobTrigger" path (function ${context.functionName})`,
    )
  }
  const p = isRecord(meta.properties) ? meta.properties : {}
  return {
    bucket: path.slice(0, slash),
    key: path.slice(slash + 1),
    size: num(p.length) ?? num(p.contentLength) ?? (input instanceof Uint8Array ? input.byteLength : undefined),
    etag: bareEtag(p.eTag ?? p.etag),
    type: 'created',
    time: toDate((p.lastModified ?? p.created) as string | undefined),
    contentType: typeof p.contentType === 'string' ? p.contentType : undefined,
    native: { input, metadata: meta },
  }
}
