package dev.sessionstore.spring.session;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * {@link SessionStoreRepositoryFilter} (Spring Session's {@link SessionRepositoryFilter}) over a {@link
 * SessionStoreRepository}, on embedded Jetty: the
 * wiring Spring Boot makes. {@code /noop} never asks for the session, {@code /set?value=}, {@code /get}, {@code
 * /login?user=} (what Spring Security does at login: change the session id, then keep the security context), {@code
 * /logout} (invalidate). The cookie {@code SESSION} carries the session id as it is (no base64).
 */
final class FilterApp implements AutoCloseable {
    private final Server server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FilterApp(SessionStoreRepository repository) throws Exception {
        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        SessionRepositoryFilter<SessionStoreSession> filter = new SessionStoreRepositoryFilter(repository);
        DefaultCookieSerializer cookies = new DefaultCookieSerializer();
        cookies.setUseBase64Encoding(false);
        CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
        resolver.setCookieSerializer(cookies);
        filter.setHttpSessionIdResolver(resolver);
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new AppServlet()), "/*");
        server.setHandler(context);
        server.start();
    }

    /** A reply: its body and its {@code SESSION} Set-Cookie headers. */
    record Reply(String body, List<String> sessionCookies) {
        /** The session id the reply's cookie sets; fails if it sets none. */
        String sessionId() {
            String header =
                    sessionCookies.stream().findFirst().orElseThrow(() -> new AssertionError("no SESSION cookie"));
            return header.substring("SESSION=".length(), header.indexOf(';'));
        }
    }

    /** GET with {@code sessionId} as the SESSION cookie (none if null). */
    Reply get(String path, String sessionId) {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (sessionId != null) {
            request.header("Cookie", "SESSION=" + sessionId);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> cookies = r.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith("SESSION="))
                    .toList();
            return new Reply(r.body(), cookies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    private static final class AppServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=utf-8");
            switch (req.getRequestURI()) {
                case "/noop" -> resp.getWriter().print("ok");
                case "/set" -> {
                    req.getSession().setAttribute("value", req.getParameter("value"));
                    resp.getWriter().print("set");
                }
                case "/get-committed" -> { // the response committed before the chain returns, as Spring MVC does
                    HttpSession s = req.getSession(false);
                    resp.getWriter().print(s == null ? "no session" : String.valueOf(s.getAttribute("value")));
                    resp.flushBuffer();
                }
                case "/get" -> {
                    HttpSession s = req.getSession(false);
                    resp.getWriter().print(s == null ? "no session" : String.valueOf(s.getAttribute("value")));
                }
                case "/login" -> {
                    req.changeSessionId();
                    req.getSession()
                            .setAttribute(
                                    "SPRING_SECURITY_CONTEXT",
                                    Fixtures.securityContext(req.getParameter("user"), "ROLE_USER"));
                    resp.getWriter().print("logged in");
                }
                case "/logout" -> {
                    req.getSession().invalidate();
                    resp.getWriter().print("logged out");
                }
                default -> resp.sendError(404);
            }
        }
    }
}
