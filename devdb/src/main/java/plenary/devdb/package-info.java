/** A real PostgreSQL for local mode and tests: the server named by {@code PLENARY_DB_URL}, or an embedded one. */
package plenary.devdb;
