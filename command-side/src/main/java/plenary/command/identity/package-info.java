/** Who is asking: accounts, HTTP Basic, and the actor that every command records. */
package plenary.command.identity;
