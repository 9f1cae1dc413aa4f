/** Reading the event store: the tracking processors' source, woken by PostgreSQL notifications. */
package plenary.query.store;
