/**
 * Who may reach Plenary, written once for both sides: accounts, session tokens and bearer tokens, the browser's
 * rules (origins, cross-site requests) and refusals as problem+json.
 */
package plenary.access;
