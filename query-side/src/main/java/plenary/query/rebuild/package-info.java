/** Rebuilding the read models from the first event, on the secretariat's request, with its progress. */
package plenary.query.rebuild;
