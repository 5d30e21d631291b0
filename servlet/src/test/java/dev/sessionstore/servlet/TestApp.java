package dev.sessionstore.servlet;

import dev.sessionstore.SessionStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A small servlet app on embedded Jetty (ee10) behind a {@link SessionFilter}: {@code /signin?name=} keeps a
 * {@link Profile}, {@code /set?name=&value=} a string (and {@code value2=} a second one), {@code /read?name=}
 * reads one, {@code /count} counts attributes, {@code /id}, {@code /rotate}, {@code /invalidate}, {@code
 * /redirect?value=} (set, then redirect), {@code /write-then-redirect?value=} (write some body, set, redirect),
 * {@code /large?value=&size=} (set, then a body that overflows a 1 KiB buffer), {@code /length?value=} (set, then a
 * body that reaches its content length), {@code /reset?value=} (set, write enough to save early, reset the
 * response), {@code /error?value=} (set, then {@code sendError(403)}), {@code /forbidden} (a type not allowed),
 * {@code /idle?seconds=}, {@code /noop} (never asks for the session).
 */
final class TestApp implements AutoCloseable {
    /** An application type the codec allows. */
    public record Profile(String name, int level) {}

    /** An application type the codec does not allow. */
    public record Secret(String value) {}

    private final Server server;

    TestApp(SessionStore store, SessionFilterOptions options) throws Exception {
        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(
                new FilterHolder(new SessionFilter(store, options)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new AppServlet()), "/*");
        server.setHandler(context);
        server.start();
    }

    URI uri(String pathAndQuery) {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
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
                case "/signin" -> {
                    req.getSession().setAttribute("user", new Profile(req.getParameter("name"), 3));
                    resp.getWriter().print("signed in");
                }
                case "/set" -> {
                    HttpSession s = req.getSession();
                    s.setAttribute(req.getParameter("name"), req.getParameter("value"));
                    if (req.getParameter("value2") != null) {
                        s.setAttribute(req.getParameter("name") + "2", req.getParameter("value2"));
                    }
                    resp.getWriter().print("set");
                }
                case "/read" -> {
                    HttpSession s = req.getSession(false);
                    resp.getWriter().print(s == null ? "no session" : String.valueOf(s.getAttribute(param(req))));
                }
                case "/count" -> {
                    HttpSession s = req.getSession(false);
                    resp.getWriter()
                            .print(
                                    s == null
                                            ? -1
                                            : Collections.list(s.getAttributeNames())
                                                    .size());
                }
                case "/id" -> resp.getWriter().print(req.getSession().getId());
                case "/rotate" -> resp.getWriter().print(req.changeSessionId());
                case "/invalidate" -> {
                    req.getSession().invalidate();
                    resp.getWriter().print(req.getSession(false) == null ? "invalidated" : "still there");
                }
                case "/redirect" -> {
                    req.getSession().setAttribute("flash", req.getParameter("value"));
                    resp.sendRedirect("/read?name=flash");
                }
                case "/write-then-redirect" -> {
                    resp.getWriter().print("partial body, discarded by the redirect");
                    req.getSession().setAttribute("flash", req.getParameter("value"));
                    resp.sendRedirect("/read?name=flash");
                }
                case "/large" -> {
                    resp.setBufferSize(1024);
                    req.getSession().setAttribute("flash", req.getParameter("value"));
                    PrintWriter out = resp.getWriter();
                    int size = Integer.parseInt(req.getParameter("size"));
                    for (int i = 0; i < size; i++) {
                        out.write('x');
                    }
                }
                case "/length" -> {
                    req.getSession().setAttribute("flash", req.getParameter("value"));
                    resp.setContentLength(2);
                    resp.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
                }
                case "/reset" -> {
                    resp.setBufferSize(1024);
                    req.getSession().setAttribute("flash", req.getParameter("value"));
                    resp.getWriter().print("y".repeat(400));
                    resp.reset();
                    resp.setContentType("text/plain;charset=utf-8");
                    resp.getWriter().print("after reset");
                }
                case "/error" -> {
                    req.getSession().setAttribute("flash", req.getParameter("value"));
                    resp.sendError(403);
                }
                case "/forbidden" -> {
                    try {
                        req.getSession().setAttribute("secret", new Secret("x"));
                        resp.getWriter().print("stored");
                    } catch (IllegalArgumentException e) {
                        resp.setStatus(500);
                        resp.getWriter().print(e.getMessage());
                    }
                }
                case "/idle" -> {
                    HttpSession s = req.getSession();
                    s.setMaxInactiveInterval(Integer.parseInt(req.getParameter("seconds")));
                    resp.getWriter().print(s.getMaxInactiveInterval());
                }
                case "/noop" -> resp.getWriter().print("hello");
                default -> resp.sendError(404);
            }
        }

        private static String param(HttpServletRequest req) {
            return Objects.requireNonNullElse(req.getParameter("name"), "");
        }
    }
}
