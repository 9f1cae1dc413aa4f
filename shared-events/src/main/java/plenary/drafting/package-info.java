/**
 * The published language of drafting: what every command and event shares (the {@link plenary.drafting.DraftCommand}
 * and {@link plenary.drafting.DraftEvent} contracts, payload revisions) and the value types events carry, such as
 * {@link plenary.drafting.Wording} and {@link plenary.drafting.WholeText}. The messages themselves live in one
 * subpackage per feature. No model class, no Spring, no Axon runtime, no I/O.
 */
package plenary.drafting;
