package dev.sessionstore.server;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** {@code java -jar sessionstore-server.jar [options]}: starts the service and runs until Ctrl-C. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        CommandLine cli = new CommandLine(new ServerCommand());
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            e.getCommandLine().usage(System.err);
            System.exit(2);
            return;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return;
        }
        SessionServer server;
        try {
            server = start(cli.getCommand(), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("sessionstore-server: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("sessionstore-server: cannot start: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("sessionstore-server: stopping…");
                            server.close();
                            stopped.countDown();
                        },
                        "sessionstore-shutdown"));
        stopped.await();
    }

    /** Parses {@code args} as the command line does and starts the server; for tests of the real entry point. */
    static SessionServer start(String... args) {
        CommandLine cli = new CommandLine(new ServerCommand());
        cli.parseArgs(args);
        return start(cli.getCommand(), new PrintStream(PrintStream.nullOutputStream()));
    }

    private static SessionServer start(ServerCommand command, PrintStream out) {
        ServerConfig config = command.call();
        SessionServer server = SessionServer.start(config, Clock.systemUTC());
        Banner.print(out, config, server);
        return server;
    }
}
