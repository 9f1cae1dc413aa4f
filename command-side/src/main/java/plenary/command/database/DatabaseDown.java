package plenary.command.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot be reached (down, restarting, no connection within
 * {@code spring.datasource.hikari.connection-timeout}): such a command is answered 503 with {@code Retry-After}, not
 * 500, and nothing of it was recorded, so the client may simply send it again (with its Idempotency-Key).
 */
public final class DatabaseDown {

    /** Seconds a client should wait before it tries again. */
    public static final String RETRY_AFTER = "5";

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // a commit or rollback that failed on the connection: the database went away mid-transaction
            if (t instanceof TransactionSystemException failed && (failed.getCause() instanceof SQLException
                    || (failed.getApplicationException() != null && causedBy(failed.getApplicationException())))) {
                return true;
            }
            // 08: connection exceptions; 57P01-57P03: the server is shutting down or starting
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private DatabaseDown() {
    }
}
