/**
 * A projection never skips an event silently: an event the read model cannot take waits, with its draft's later
 * events, in a dead-letter queue and is retried with back-off, while other drafts go on; every read of a draft
 * says how far its read model is behind its record.
 */
package plenary.query.lag;
