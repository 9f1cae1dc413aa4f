/** The web client: the pages the query side serves to delegations, the chair, the secretariat and auditors. */
package plenary.query.webclient;
