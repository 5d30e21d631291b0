package dev.sessionstore.redis;

import dev.sessionstore.PageCursor;
import dev.sessionstore.PageRequest;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionPage;
import dev.sessionstore.SessionToken;
import dev.sessionstore.redis.support.RedisCalls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The paged listings of {@link RedisSessionStore}. A listing walks the zsets of its tags in tag order, and each zset
 * by (index score, member), from a {@link ListingPosition}; the cursor is that position. Each script call reads at
 * most {@code limit + 1} entries of one zset and loads at most {@code limit} sessions, so no call does work that
 * grows with the listing. A page of an index value sends calls to the tags after the position in pipelined rounds
 * (each call asking for what the page still lacks; the replies past the first one that fills the page are dropped),
 * at most {@link #MAX_CALLS} calls: see {@link #nextWindow} for how many tags a round asks. A user's page makes at
 * most {@link #MAX_USER_CALLS} calls on the user's tag. A page may therefore be short, even empty, and still have a
 * next cursor. Index listings go at the store's {@link ListingPace}; a user's listing (on the web path, and bounded by
 * the per-user cap) does not wait for it.
 */
final class RedisListings {
    static final int MAX_WINDOW = 64;
    static final int MAX_CALLS = 2 * RedisKeys.TAGS.size();
    static final int MAX_USER_CALLS = 16;
    private static final String KIND = "redis";

    private final RedisCalls scripts;
    private final RedisKeys keys;
    private final ListingPace pace;

    RedisListings(RedisCalls scripts, RedisKeys keys, ListingPace pace) {
        this.scripts = scripts;
        this.keys = keys;
        this.pace = pace;
    }

    SessionPage byIndex(String name, String value, PageRequest page) {
        String listing = PageCursor.indexListing(name, value);
        ListingPosition pos = from(page, listing, ListingPosition.start(0), ListingPosition.SID);
        List<Session> out = new ArrayList<>();
        int window = 1;
        int calls = 0;
        while (out.size() < page.limit() && !pos.done() && calls < MAX_CALLS) {
            awaitTurn();
            int remaining = page.limit() - out.size();
            boolean resumed = !pos.member().isEmpty(); // the first call reads the rest of a tag, not a whole one
            List<CompletableFuture<List<Object>>> replies = new ArrayList<>();
            int end = Math.min(ListingPosition.PAST_LAST, pos.tag() + Math.min(window, MAX_CALLS - calls));
            for (int t = pos.tag(); t < end; t++) {
                ListingPosition at = t == pos.tag() ? pos : ListingPosition.start(t);
                replies.add(scripts.send(ListIndexPageCall.of(keys, name, value, at, remaining)));
            }
            scripts.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
            calls += replies.size();
            pace.charge(work(replies));
            pos = take(replies, pos.tag(), sid -> sid, out, page.limit());
            window = pos.member().isEmpty() ? nextWindow(replies, resumed, page.limit() - out.size()) : 1;
        }
        return new SessionPage(out, cursor(pos, listing));
    }

    /**
     * Waits for the store's {@link ListingPace}: index listings are background work, and a walk of a big index goes
     * at the pace the store allows, whatever its caller's pace.
     */
    private void awaitTurn() {
        try {
            pace.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StoreExceptions.INSTANCE.unavailable("interrupted while an index listing waited for its pace", e);
        }
    }

    /** The session rows of a page step's reply, after its header {more, end score, end member}. */
    private static int rows(CompletableFuture<List<Object>> reply) {
        return reply.join().size() - 3;
    }

    /** The work a round of calls did, in {@link ListingPace} units: one per call and one per session it loaded. */
    private static long work(List<CompletableFuture<List<Object>>> replies) {
        long units = replies.size();
        for (CompletableFuture<List<Object>> reply : replies) {
            units += rows(reply);
        }
        return units;
    }

    /**
     * How many tags the next round of an index page asks, after a round that read its tags to the end without
     * filling the page: as many as the whole tags of that round suggest the {@code remaining} rows need, at rows
     * per tag as they found (the rest of a tag, where the round resumed a cursor, says nothing about a tag's size),
     * at most twice that round's tags; twice as many when its whole tags held no rows; one when the round read only
     * the rest of a tag. A dense index so asks one tag at a time and loads nothing it drops, a sparse one widens as
     * before, and a round never asks more than {@link #MAX_WINDOW} tags.
     */
    static int nextWindow(List<CompletableFuture<List<Object>>> replies, boolean resumed, int remaining) {
        int whole = replies.size() - (resumed ? 1 : 0);
        if (whole == 0) {
            return 1;
        }
        long rows = 0;
        for (int j = resumed ? 1 : 0; j < replies.size(); j++) {
            rows += rows(replies.get(j));
        }
        int widest = Math.min(2 * replies.size(), MAX_WINDOW);
        if (rows == 0) {
            return widest;
        }
        return (int) Math.max(1, Math.min(widest, Math.ceilDiv((long) remaining * whole, rows)));
    }

    SessionPage byUser(String userId, PageRequest page) {
        String listing = PageCursor.userListing(userId);
        int tag = HexFormat.fromHexDigits(SessionToken.tagFor(userId));
        ListingPosition pos = from(page, listing, ListingPosition.start(tag), ListingPosition.USER_MEMBER);
        if (pos.tag() != tag) {
            throw PageCursor.malformed();
        }
        String digest = HexFormat.of().formatHex(sha1(userId)).substring(0, 8);
        List<Session> out = new ArrayList<>();
        for (int calls = 0; out.size() < page.limit() && !pos.done() && calls < MAX_USER_CALLS; calls++) {
            ListUserPageCall call = ListUserPageCall.of(keys, userId, pos, page.limit() - out.size());
            pos = take(List.of(scripts.send(call)), tag, sid -> digest + sid, out, page.limit());
            if (pos.tag() != tag) {
                pos = ListingPosition.start(ListingPosition.PAST_LAST); // the user's tag is the whole listing
            }
        }
        return new SessionPage(out, cursor(pos, listing));
    }

    /**
     * Adds the rows of the replies (of tags {@code first}, {@code first + 1}, ...) to {@code out} in order, until
     * {@code out} holds {@code limit} or a reply says its tag has more; returns the position after the last row
     * taken or the last entry read; {@code member} gives a row's zset member from its sid.
     */
    private ListingPosition take(
            List<CompletableFuture<List<Object>>> replies,
            int first,
            UnaryOperator<String> member,
            List<Session> out,
            int limit) {
        for (int j = 0; j < replies.size(); j++) {
            int tag = first + j;
            List<Object> reply = scripts.await(replies.get(j));
            boolean more = (Long) reply.get(0) == 1L;
            for (int r = 3; r < reply.size(); r++) {
                List<?> row = (List<?>) reply.get(r);
                String sid = String.valueOf(row.get(0));
                out.add(SessionCodec.decode(RedisKeys.id(RedisKeys.TAGS.get(tag), sid), row, 2));
                if (out.size() == limit && (r < reply.size() - 1 || more)) {
                    return new ListingPosition(tag, score(row.get(1)), member.apply(sid));
                }
            }
            if (more) {
                return new ListingPosition(tag, score(reply.get(1)), String.valueOf(reply.get(2)));
            }
            if (out.size() == limit) {
                return ListingPosition.start(tag + 1);
            }
        }
        return ListingPosition.start(first + replies.size());
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing", e);
        }
    }

    private static long score(Object score) {
        return score instanceof Long l ? l : (long) Double.parseDouble(String.valueOf(score));
    }

    private static ListingPosition from(PageRequest page, String listing, ListingPosition start, int memberLength) {
        return page.cursor()
                .map(c -> ListingPosition.of(PageCursor.decode(c, KIND, listing), memberLength))
                .orElse(start);
    }

    private static Optional<String> cursor(ListingPosition pos, String listing) {
        return pos.done() ? Optional.empty() : Optional.of(PageCursor.encode(KIND, listing, pos.bytes()));
    }

    /**
     * Every page of a listing, for the unpaged methods: each script call stays bounded. A session met twice (touched
     * into a later index score while the pages were read) is kept once, as last read.
     */
    static List<Session> all(Function<PageRequest, SessionPage> pages) {
        Map<SessionId, Session> all = new LinkedHashMap<>();
        Optional<String> cursor = Optional.empty();
        do {
            SessionPage page = pages.apply(new PageRequest(PageRequest.MAX_LIMIT, cursor));
            page.sessions().forEach(s -> all.put(s.id(), s));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return new ArrayList<>(all.values());
    }
}
