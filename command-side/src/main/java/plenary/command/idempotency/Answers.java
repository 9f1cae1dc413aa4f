package plenary.command.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.Optional;

/** The answers given to keyed commands, per user and key, in the command side's own table. */
@Repository
class Answers {

    /** What was asked under a key and, once the command succeeded, what it answered. */
    record Answer(String request, int status, String contentType, byte[] body) {
    }

    private final JdbcClient db;

    Answers(JdbcClient db) {
        this.db = db;
    }

    /**
     * Claims the key for this request, or returns the answer recorded under it. A claim by a transaction still
     * running makes this wait until that transaction ends: then its answer is returned, or, if it was rolled
     * back, the claim is ours. The user's keys older than {@code retention} are forgotten first.
     */
    Optional<Answer> claimOrRecall(String user, String key, String request, Duration retention) {
        db.sql("DELETE FROM idempotency_key WHERE user_name = ? AND created_at < now() - ? * interval '1 second'")
                .params(user, retention.toSeconds()).update();
        while (true) {
            int claimed = db.sql("""
                    INSERT INTO idempotency_key (user_name, key, request) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                    """).params(user, key, request).update();
            if (claimed == 1) {
                return Optional.empty();
            }
            Optional<Answer> recalled = db.sql("""
                    SELECT request, status, content_type, body FROM idempotency_key WHERE user_name = ? AND key = ?
                    """).params(user, key)
                    .query((rs, row) -> new Answer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)))
                    .optional();
            if (recalled.isPresent()) {
                return recalled;
            }
            // forgotten between the two statements: claim it again
        }
    }

    void remember(String user, String key, Answer answer) {
        db.sql("UPDATE idempotency_key SET status = ?, content_type = ?, body = ? WHERE user_name = ? AND key = ?")
                .params(answer.status(), answer.contentType(), answer.body(), user, key).update();
    }
}
