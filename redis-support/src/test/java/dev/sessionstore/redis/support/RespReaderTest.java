package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisNoScriptException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RESP2 replies read from bytes, as Lettuce would convert them. */
class RespReaderTest {
    private static final long LATER = System.nanoTime() + 60_000_000_000L;

    private static RespReader reader(String resp) {
        return new RespReader(new ByteArrayInputStream(resp.getBytes(StandardCharsets.UTF_8)));
    }

    /** A stream that hands out at most one byte per read, as a slow network might. */
    private static RespReader trickling(String resp) {
        byte[] bytes = resp.getBytes(StandardCharsets.UTF_8);
        return new RespReader(new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[next++];
                return 1;
            }
        });
    }

    @Test
    void scalars() throws IOException {
        assertThat(reader("+OK\r\n").reply(LATER)).isEqualTo("OK");
        assertThat(reader(":-42\r\n").reply(LATER)).isEqualTo(-42L);
        assertThat(reader(":9223372036854775807\r\n").reply(LATER)).isEqualTo(Long.MAX_VALUE);
        assertThat(reader(":-9223372036854775808\r\n").reply(LATER)).isEqualTo(Long.MIN_VALUE);
        assertThat(reader("$4\r\nhé!\r\n").reply(LATER)).isEqualTo("hé!");
        assertThat(reader("$0\r\n\r\n").reply(LATER)).isEqualTo("");
        assertThat(reader("$-1\r\n").reply(LATER)).isNull();
        assertThat(reader("*-1\r\n").reply(LATER)).isNull();
    }

    @Test
    void nestedArrays_andRepliesInOneStream_oneAfterTheOther() throws IOException {
        RespReader reader = trickling("*4\r\n:1\r\n$2\r\nab\r\n*3\r\n$-1\r\n*0\r\n+S\r\n$4\r\nü\r\n\r\n:7\r\n");
        assertThat(reader.reply(LATER))
                .isEqualTo(Arrays.asList(1L, "ab", Arrays.asList(null, List.of(), "S"), "ü\r\n"));
        assertThat(reader.reply(LATER)).isEqualTo(7L);
    }

    @Test
    void aBulkLongerThanTheBuffer() throws IOException {
        String big = "x".repeat(20_000) + "é";
        int length = big.getBytes(StandardCharsets.UTF_8).length;
        RespReader reader = reader("$" + length + "\r\n" + big + "\r\n:1\r\n");
        assertThat(reader.reply(LATER)).isEqualTo(big);
        assertThat(reader.reply(LATER)).isEqualTo(1L);
    }

    @Test
    void errors_asLettucesExceptions_nestedOnesAfterTheWholeReply() throws IOException {
        assertThatThrownBy(() -> reader("-NOSCRIPT No matching script.\r\n").reply(LATER))
                .isInstanceOf(RedisNoScriptException.class)
                .hasMessage("NOSCRIPT No matching script.");
        RespReader reader = reader("*3\r\n:1\r\n*1\r\n-ERR inside\r\n-ERR second\r\n:9\r\n");
        assertThatThrownBy(() -> reader.reply(LATER))
                .isInstanceOf(RedisCommandExecutionException.class)
                .hasMessage("ERR inside");
        assertThat(reader.reply(LATER)).isEqualTo(9L);
    }

    @Test
    void anEndedStream_saysWhetherTheReplyHadStarted() {
        RespReader before = reader("");
        assertThatThrownBy(() -> before.reply(LATER)).isInstanceOf(EOFException.class);
        assertThat(before.started()).isFalse();

        RespReader during = reader("*2\r\n:1\r\n");
        assertThatThrownBy(() -> during.reply(LATER)).isInstanceOf(EOFException.class);
        assertThat(during.started()).isTrue();
    }

    @Test
    void notResp_orTooLarge_failsTheStream() {
        assertThatThrownBy(() -> reader("HTTP/1.1 400\r\n").reply(LATER))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unexpected reply type 'H'");
        assertThatThrownBy(() -> reader("$999999999999\r\n").reply(LATER))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("more than Redis sends");
        assertThatThrownBy(() -> reader(":12x\r\n").reply(LATER))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> reader(":9223372036854775808\r\n").reply(LATER))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("beyond 64 bits");
        assertThatThrownBy(() -> reader(":\r\n").reply(LATER))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no digits");
        assertThatThrownBy(() -> reader("$600000000\r\n").reply(LATER))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("more than Redis sends");
    }

    @Test
    void aPassedDeadline_isATimeout() {
        assertThatThrownBy(() -> reader(":1\r\n").reply(System.nanoTime() - 1))
                .isInstanceOf(SocketTimeoutException.class);
    }
}
