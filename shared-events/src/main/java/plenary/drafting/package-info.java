/** The drafting feature's messages: commands, events and their value types, as both sides speak them. */
package plenary.drafting;
