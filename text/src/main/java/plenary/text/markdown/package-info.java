/** The Markdown format of API.md: commonmark-java parses the blocks and emphasis, this package adds brackets. */
package plenary.text.markdown;
