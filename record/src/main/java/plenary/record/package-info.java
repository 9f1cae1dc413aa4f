/** The record that proves itself: stored events in canonical form, their SHA-256 chain, and the offline verifier. */
package plenary.record;
