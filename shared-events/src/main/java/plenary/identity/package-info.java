/** Who acts: roles of the negotiating room and the actor every event records. */
package plenary.identity;
