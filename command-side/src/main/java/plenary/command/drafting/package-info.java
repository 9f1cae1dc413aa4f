/** Drafting: the Draft aggregate, who may do what to it, and its HTTP command API. */
package plenary.command.drafting;
