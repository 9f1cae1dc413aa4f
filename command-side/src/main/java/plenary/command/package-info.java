/** The command side: decides what happens to a draft and records it as events. */
package plenary.command;
