package dev.sessionstore.server;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** {@code java -jar sessionstore-server.jar [options]}: starts the service and runs until Ctrl-C. */
public final class Main {
    private Main() {}

    private static final String LEAK_DETECTION = "io.netty.leakDetection.level";

    public static void main(String[] args) throws InterruptedException {
        // Netty's buffer leak detector records a stack trace for sampled buffers: 1.3 % of the service's CPU under
        // load (docs/profile.md). A service sets it off unless its operator asks (-Dio.netty.leakDetection.level).
        if (System.getProperty(LEAK_DETECTION) == null) {
            System.setProperty(LEAK_DETECTION, "disabled");
        }
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
        ServerConfig config;
        SessionServer server;
        try {
            config = cli.<ServerCommand>getCommand().call();
            server = SessionServer.start(config, Clock.systemUTC());
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
        // before the banner, which tells the user Ctrl-C stops the server
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println(Banner.STOPPING);
                            server.close();
                            stopped.countDown();
                        },
                        "sessionstore-shutdown"));
        Banner.print(System.out, config, server);
        stopped.await();
    }

    /** Parses {@code args} as the command line does and starts the server; for tests of the real entry point. */
    static SessionServer start(String... args) {
        CommandLine cli = new CommandLine(new ServerCommand());
        cli.parseArgs(args);
        return SessionServer.start(cli.<ServerCommand>getCommand().call(), Clock.systemUTC());
    }
}
