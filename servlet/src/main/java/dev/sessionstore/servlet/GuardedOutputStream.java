package dev.sessionstore.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/** The response body stream: tells the {@link SessionResponse} before a write, flush or close may commit. */
final class GuardedOutputStream extends ServletOutputStream {
    private final ServletOutputStream out;
    private final SessionResponse response;

    GuardedOutputStream(ServletOutputStream out, SessionResponse response) {
        this.out = out;
        this.response = response;
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        out.setWriteListener(listener);
    }

    @Override
    public void write(int b) throws IOException {
        response.beforeWrite(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        response.beforeWrite(len);
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        response.beforeCommit();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        response.beforeCommit();
        out.close();
    }
}
