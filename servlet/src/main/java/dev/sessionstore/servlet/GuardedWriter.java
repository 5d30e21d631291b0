package dev.sessionstore.servlet;

import java.io.PrintWriter;
import java.io.Writer;

/** The response body writer: tells the {@link SessionResponse} before a write, flush or close may commit. */
final class GuardedWriter extends Writer {
    private final PrintWriter out;
    private final SessionResponse response;

    private GuardedWriter(PrintWriter out, SessionResponse response) {
        this.out = out;
        this.response = response;
    }

    /** A print writer over the container's; its {@code checkError()} reports the container writer's errors too. */
    static PrintWriter around(PrintWriter container, SessionResponse response) {
        return new PrintWriter(new GuardedWriter(container, response), false) {
            @Override
            public boolean checkError() {
                return super.checkError() || container.checkError();
            }
        };
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        response.beforeWriteChars(len);
        out.write(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
        response.beforeWriteChars(len);
        out.write(str, off, len);
    }

    @Override
    public void flush() {
        response.beforeCommit();
        out.flush();
    }

    @Override
    public void close() {
        response.beforeCommit();
        out.close();
    }
}
