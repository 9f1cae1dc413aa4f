/** The record that proves itself: every event of a draft is stamped with the next link of its SHA-256 chain. */
package plenary.command.record;
