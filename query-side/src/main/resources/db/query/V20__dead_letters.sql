-- Axon's JDBC dead-letter queue (its default schema, payloads as bytea): an event the drafts projection could not
-- store waits here, with the later events of its draft, until a retry stores them; nothing is skipped.
CREATE TABLE DeadLetterEntry (
deadLetterIdentifier VARCHAR(255) NOT NULL,
processingGroup VARCHAR(255) NOT NULL,
sequenceIdentifier VARCHAR(255) NOT NULL,
sequenceIndex BIGINT NOT NULL,
messageType VARCHAR(255) NOT NULL,
eventIdentifier VARCHAR(255) NOT NULL,
timestamp VARCHAR(255) NOT NULL,
payloadType VARCHAR(255) NOT NULL,
payloadRevision VARCHAR(255),
payload BYTEA NOT NULL,
metaData BYTEA,
type VARCHAR(255),
aggregateIdentifier VARCHAR(255),
sequenceNumber BIGINT,
tokenType VARCHAR(255),
token BYTEA,
enqueuedAt VARCHAR(255) NOT NULL,
lastTouched VARCHAR(255),
processingStarted VARCHAR(255),
causeType VARCHAR(255),
causeMessage VARCHAR(1023),
diagnostics BYTEA,
CONSTRAINT dead_letter_pk PRIMARY KEY (deadLetterIdentifier),
CONSTRAINT dead_letter_sequence_index UNIQUE (processingGroup,sequenceIdentifier,sequenceIndex)
);
CREATE INDEX dead_letter_group ON DeadLetterEntry (processingGroup);
CREATE INDEX dead_letter_sequence ON DeadLetterEntry (processingGroup,sequenceIdentifier);
