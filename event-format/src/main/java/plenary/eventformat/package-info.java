/**
 * How the published events are stored and read back through Axon, the same on both sides: each event type under
 * its stable published name with its payload revision, and older shapes upcast as they are read.
 */
package plenary.eventformat;
