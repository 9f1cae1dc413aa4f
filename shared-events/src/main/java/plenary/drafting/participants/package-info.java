/** Who takes part: delegations admitted, and their participation confirmed or pending. */
package plenary.drafting.participants;
