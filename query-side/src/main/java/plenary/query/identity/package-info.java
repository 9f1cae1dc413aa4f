/**
 * Who is reading: HTTP Basic, bearer tokens and the web client's sign-in session, which also issues the session
 * token the command side and STOMP accept; STOMP authenticates on CONNECT (see live).
 */
package plenary.query.identity;
