package plenary.query.store;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Holds one connection that LISTENs for the event store's commit notifications (a trigger on the event table
 * sends them) and turns each into an {@link EventSignal}. If the connection drops, it reconnects and signals
 * once, so that streams look again for anything committed meanwhile.
 */
final class CommitListener implements SmartLifecycle {

    static final String CHANNEL = "plenary_events";
    private static final Logger log = LoggerFactory.getLogger(CommitListener.class);

    private final String url;
    private final String user;
    private final String password;
    private final EventSignal signal;
    private volatile boolean running;
    private Thread thread;

    CommitListener(String url, String user, String password, EventSignal signal) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.signal = signal;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "plenary-commit-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                signal.fire();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(500);
                    if (notifications != null && notifications.length > 0) {
                        signal.fire();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("lost the commit notifications ({}); reconnecting, processors fall back to polling",
                            e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
