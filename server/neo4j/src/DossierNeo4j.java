import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs a genuine Neo4j Community DBMS (the same kernel, Cypher runtime and Bolt server as the
 * packaged product) for Dossier, bound to loopback. Neo4j's own server tarball is not reachable
 * from our machines, but its jars are on Maven Central, so this is the smallest launcher that
 * gives us the real thing.
 *
 * <p>Usage: java -cp 'lib/*:classes' DossierNeo4j HOME_DIR SETTINGS_FILE PORT
 *
 * <p>Prints one line "DOSSIER_NEO4J_READY bolt://127.0.0.1:PORT" once Bolt accepts connections.
 * Exits (cleanly shutting the DBMS down) on SIGTERM/SIGINT or when standard input reaches EOF,
 * which happens when the Node parent dies for any reason, so a crashed app never orphans a JVM.
 */
public final class DossierNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: DossierNeo4j HOME_DIR SETTINGS_FILE PORT");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Path settings = Path.of(args[1]).toAbsolutePath();
    int port = Integer.parseInt(args[2]);

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .loadPropertiesFromFile(settings)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  dbms.shutdown();
                  stopped.countDown();
                },
                "dossier-neo4j-shutdown"));

    System.out.println("DOSSIER_NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();

    Thread watchdog = new Thread(DossierNeo4j::exitWhenParentGone, "dossier-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    stopped.await();
  }

  /** Standard input is a pipe from the parent; EOF means the parent has gone. */
  private static void exitWhenParentGone() {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Ignore anything written; only the pipe closing matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the same thing as EOF.
    }
    System.exit(0);
  }
}
