/** Live: STOMP topics that carry every change of a draft, in version order, to the clients following it. */
package plenary.query.live;
