/** Export: a draft's text in the formats a secretariat circulates, at any selector. */
package plenary.query.export;
