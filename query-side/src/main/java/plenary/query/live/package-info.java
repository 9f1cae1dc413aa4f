/**
 * Live: STOMP topics that carry every change of a draft, in version order, to the clients following it; who may
 * follow a draft, who is in its room and on which paragraph, and how a slow or dead client is let go.
 */
package plenary.query.live;
