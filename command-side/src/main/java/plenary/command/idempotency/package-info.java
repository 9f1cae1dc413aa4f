/** Idempotency-Key: a command repeated with the same key gets the first answer and changes nothing. */
package plenary.command.idempotency;
