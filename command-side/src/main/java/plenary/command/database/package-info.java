/** The command side's place in the database: the role it works as, with insert and select on the events only. */
package plenary.command.database;
