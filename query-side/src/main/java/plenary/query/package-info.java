/** The query side: remembers what the events say and tells readers and live clients. */
package plenary.query;
