/** The catalogue of every event, with the name each is published and stored under. */
package plenary.drafting.catalogue;
