/**
 * The record that proves itself: every event of a draft is stamped with the next link of its SHA-256 chain and
 * added to its Merkle tree, whose heads the secretariat's key signs as checkpoints.
 */
package plenary.command.record;
