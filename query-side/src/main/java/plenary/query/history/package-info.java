/** History for auditors: the timeline of every event, the difference between any two states, and the record's proof. */
package plenary.query.history;
