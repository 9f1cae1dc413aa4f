/** Deadlines (a silence procedure's end) kept in PostgreSQL by db-scheduler, stored as JSON. */
package plenary.command.deadlines;
