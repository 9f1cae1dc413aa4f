/** The event store on PostgreSQL: Axon's JDBC storage engine over a schema that Flyway owns. */
package plenary.command.store;
