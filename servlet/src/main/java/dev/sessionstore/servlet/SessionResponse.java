package dev.sessionstore.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;

/**
 * Runs a hook (the session save, which may set the cookie) before anything can commit the response: a redirect, an
 * error, a flush, closing the body, or a write that could fill the buffer or reach the declared content length.
 */
final class SessionResponse extends HttpServletResponseWrapper {
    /** Bytes one written char may take; counting pessimistically saves early, never late. */
    private static final int MAX_BYTES_PER_CHAR = 3;

    private final Runnable beforeCommit;
    private long written;
    private long contentLength = -1;
    private @Nullable GuardedOutputStream stream;
    private @Nullable PrintWriter writer;
    private @Nullable Cookie sessionCookie;

    SessionResponse(HttpServletResponse response, Runnable beforeCommit) {
        super(response);
        this.beforeCommit = beforeCommit;
    }

    /** Sends the session cookie; kept, so that a {@link #reset()} of the response does not lose it. */
    synchronized void sessionCookie(Cookie cookie) {
        sessionCookie = cookie;
        super.addCookie(cookie);
    }

    /** Clears the response as the container does, then sends the session cookie again, if one was set. */
    @Override
    public synchronized void reset() {
        super.reset();
        written = 0;
        contentLength = -1;
        Cookie c = sessionCookie;
        if (c != null) {
            super.addCookie(c);
        }
    }

    @Override
    public synchronized void resetBuffer() {
        super.resetBuffer();
        written = 0;
    }

    void beforeCommit() {
        if (!isCommitted()) {
            beforeCommit.run();
        }
    }

    /** Before {@code bytes} more bytes are written: saves if they could commit the response. */
    synchronized void beforeWrite(long bytes) {
        written += bytes;
        if (written >= getBufferSize() || (contentLength >= 0 && written >= contentLength)) {
            beforeCommit();
        }
    }

    void beforeWriteChars(long chars) {
        beforeWrite(chars * MAX_BYTES_PER_CHAR);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeCommit();
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, int sc) throws IOException {
        beforeCommit();
        super.sendRedirect(location, sc);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        beforeCommit();
        super.sendRedirect(location, clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        beforeCommit();
        super.sendRedirect(location, sc, clearBuffer);
    }

    @Override
    public void sendError(int sc) throws IOException {
        beforeCommit();
        super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        beforeCommit();
        super.sendError(sc, msg);
    }

    @Override
    public void flushBuffer() throws IOException {
        beforeCommit();
        super.flushBuffer();
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public synchronized void setContentLengthLong(long len) {
        contentLength = len;
        super.setContentLengthLong(len);
    }

    @Override
    public synchronized ServletOutputStream getOutputStream() throws IOException {
        GuardedOutputStream s = stream;
        if (s == null) {
            s = new GuardedOutputStream(super.getOutputStream(), this);
            stream = s;
        }
        return s;
    }

    @Override
    public synchronized PrintWriter getWriter() throws IOException {
        PrintWriter w = writer;
        if (w == null) {
            w = GuardedWriter.around(super.getWriter(), this);
            writer = w;
        }
        return w;
    }
}
