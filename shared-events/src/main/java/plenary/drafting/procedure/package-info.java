/** The procedure of the record: revisions, silence procedures, finalisation and corrigenda. */
package plenary.drafting.procedure;
