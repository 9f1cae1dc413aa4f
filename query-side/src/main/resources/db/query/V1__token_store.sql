-- Axon's JDBC token store in the names of its default TokenSchema: where each processor has got to.
CREATE TABLE TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);
