package dev.innograph.neo4jlocal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs a real Neo4j 5 Community DBMS, embedded, with its Bolt connector on a
 * local port: the database that {@code make run} and {@code make test} use
 * where no Neo4j server can be installed but Maven Central can be reached.
 *
 * <p>Configuration, from the environment (scripts/neo4j-local.sh sets it):
 * <ul>
 *   <li>NEO4J_LOCAL_DIR: the DBMS home (data, logs); required</li>
 *   <li>NEO4J_LOCAL_PORT: Bolt port, default 7687</li>
 *   <li>NEO4J_LOCAL_ADDRESS: Bolt bind address, default 127.0.0.1</li>
 *   <li>NEO4J_LOCAL_PASSWORD: password of user neo4j, default innograph-dev</li>
 *   <li>NEO4J_LOCAL_PAGECACHE: page cache size, e.g. 512m, default 512m</li>
 * </ul>
 *
 * <p>Prints {@code READY bolt://ADDRESS:PORT} when the default database
 * answers; shuts the DBMS down cleanly on SIGTERM or Ctrl-C.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        String dir = env("NEO4J_LOCAL_DIR", null);
        if (dir == null) {
            System.err.println("NEO4J_LOCAL_DIR is not set");
            System.exit(2);
        }
        int port = Integer.parseInt(env("NEO4J_LOCAL_PORT", "7687"));
        String address = env("NEO4J_LOCAL_ADDRESS", "127.0.0.1");
        String password = env("NEO4J_LOCAL_PASSWORD", "innograph-dev");
        long pageCache = bytes(env("NEO4J_LOCAL_PAGECACHE", "512m"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(dir).toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(address, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(address, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // Transaction timeouts are enforced by a monitor that wakes every
                // 2 s by default; every 100 ms, a path query is stopped close to
                // NEO4J_PATH_TIMEOUT rather than up to 2 s after it.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping Neo4j");
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        try {
            setPassword(dbms, password);
            // The default database answers only once it is started.
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            // Without this the DBMS threads would keep the JVM alive, and the
            // start script would wait for a READY that never comes.
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("READY bolt://" + address + ":" + port);
        System.out.flush();
        stopped.await();
    }

    /**
     * Sets the password of user neo4j on every start, so the configured one
     * always holds and the first login is not asked to change it. A data
     * directory made with another password takes the new one.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to set the password it already has: a restart.
            if (!String.valueOf(rootCause(e).getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** Parses sizes such as 512m, 2g or 1048576. */
    static long bytes(String size) {
        String s = size.toLowerCase();
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits) * unit;
    }
}
