package dev.sessionstore.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.SessionStore;
import dev.sessionstore.memory.InMemorySessionStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The registration docs/servlet.md shows for a web.xml app: a {@link ServletContextListener} (declared in web.xml)
 * that builds the store, adds the filter through the standard {@code ServletContext.addFilter} and closes the store.
 */
class ListenerRegistrationTest {

    /** The listener of docs/servlet.md. */
    public static final class SessionSetup implements ServletContextListener {
        private final SessionStore store = new InMemorySessionStore();

        @Override
        public void contextInitialized(ServletContextEvent event) {
            SessionFilterOptions options = SessionFilterOptions.builder()
                    .insecureDevelopmentCookie(true)
                    .build();
            event.getServletContext()
                    .addFilter("sessionstore", new SessionFilter(store, options))
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            store.close();
        }
    }

    @Test
    void filterAddedByAListener_servesTheSession() throws Exception {
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.addEventListener(new SessionSetup());
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        req.getSession().setAttribute("seen", "yes");
                        resp.getWriter().print(req.getSession().getClass().getSimpleName());
                    }
                }),
                "/*");
        server.setHandler(context);
        server.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.body()).isEqualTo("StoreSession");
            assertThat(r.headers().firstValue("set-cookie"))
                    .hasValueSatisfying(c -> assertThat(c).startsWith("session=sst_"));
        } finally {
            server.stop();
        }
    }
}
