/** Drafting as readers see it: the current document of each draft, its events, and the HTTP queries over them. */
package plenary.query.drafting;
