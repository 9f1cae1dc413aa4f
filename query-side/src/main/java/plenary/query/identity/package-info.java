/** Who is reading: accounts and HTTP Basic for the queries; STOMP authenticates on CONNECT (see live). */
package plenary.query.identity;
