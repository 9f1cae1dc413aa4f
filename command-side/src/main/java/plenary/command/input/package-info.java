/**
 * What the command side takes: the limits on sizes, the characters each field accepts, and refusals that name the
 * field at fault and what it accepts.
 */
package plenary.command.input;
