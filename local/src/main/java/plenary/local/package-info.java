/** Local mode: both sides, as two application contexts, on an embedded or given PostgreSQL. */
package plenary.local;
