/**
 * Some messages of a batch (Event Hubs or Service Bus, cardinality `many`) failed. Thrown after the whole batch
 * ran, so the invocation fails: a retry policy re-runs the batch and Service Bus redelivers it.
 */
export class BatchFailureError extends Error {
  override readonly name = 'BatchFailureError'
  constructor(
    /** Ids of the messages whose handler threw or whose data failed validation. */
    readonly failed: readonly string[],
    readonly total: number,
  ) {
    super(`faasade: ${failed.length} of ${total} messages in the batch failed: ${failed.join(', ')}`)
  }
}
