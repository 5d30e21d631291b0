package dev.sessionstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How many tags the next round of an index page asks ({@link RedisListings#nextWindow}), no server. */
class ListingWindowTest {

    @Test
    void afterOnlyTheRestOfATag_theNextTagAlone() {
        assertThat(RedisListings.nextWindow(replies(30), true, 10)).isEqualTo(1);
        assertThat(RedisListings.nextWindow(replies(0), true, 10)).isEqualTo(1);
    }

    @Test
    void wholeTagsWithoutRows_doubleTheWindow_upToTheMaximum() {
        assertThat(RedisListings.nextWindow(replies(0), false, 10)).isEqualTo(2);
        assertThat(RedisListings.nextWindow(replies(5, 0, 0, 0), true, 10)).isEqualTo(8);
        assertThat(RedisListings.nextWindow(replies(new int[48]), false, 10)).isEqualTo(RedisListings.MAX_WINDOW);
    }

    @Test
    void wholeTagsWithRows_askAsManyTagsAsTheirDensitySuggests() {
        assertThat(RedisListings.nextWindow(replies(3, 390), true, 40))
                .as("dense")
                .isEqualTo(1);
        assertThat(RedisListings.nextWindow(replies(2, 2, 2, 2), false, 10))
                .as("2 a tag, 10 to go")
                .isEqualTo(5);
        assertThat(RedisListings.nextWindow(replies(1, 1), false, 100))
                .as("at most twice the round")
                .isEqualTo(4);
        assertThat(RedisListings.nextWindow(replies(0, 5), false, 1))
                .as("never below one")
                .isEqualTo(1);
    }

    /** Replies of a round, one per tag, each with its header (more, score, member) and {@code rows[j]} rows. */
    private static List<CompletableFuture<List<Object>>> replies(int... rows) {
        List<CompletableFuture<List<Object>>> out = new ArrayList<>();
        for (int n : rows) {
            List<Object> reply = new ArrayList<>(List.of(0L, "", ""));
            reply.addAll(Collections.nCopies(n, List.of()));
            out.add(CompletableFuture.completedFuture(reply));
        }
        return out;
    }
}
