/** The query side's place in the database: the role it works as, reading the events and owning its read model. */
package plenary.query.database;
