/** Who reads a draft's record and follows it live: one rule, asked by HTTP and by STOMP alike. */
package plenary.query.readers;
