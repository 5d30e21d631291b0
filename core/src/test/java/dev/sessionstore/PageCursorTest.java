package dev.sessionstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageCursorTest {
    private static final String LISTING = PageCursor.indexListing("tenant", "acme");

    @Test
    void aCursor_givesBackItsPosition_forTheSameStoreKindAndListing() {
        byte[] position = {1, 2, 3, 'a'};
        String cursor = PageCursor.encode("redis", LISTING, position);

        assertThat(PageCursor.decode(cursor, "redis", LISTING)).containsExactly(position);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(new PageRequest(5, java.util.Optional.of(cursor)).cursor()).contains(cursor);
    }

    @Test
    void aCursorOfAnotherListingOrStore_orForged_isRefused() {
        String cursor = PageCursor.encode("redis", LISTING, new byte[] {9});

        assertThatThrownBy(() -> PageCursor.decode(cursor, "memory", LISTING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another listing");
        assertThatThrownBy(() -> PageCursor.decode(cursor, "redis", PageCursor.userListing("tenant\nacme")))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        raw[0] = 2; // an unknown version
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThatThrownBy(() -> PageCursor.decode(forged, "redis", LISTING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed cursor");
        assertThatThrownBy(() -> PageCursor.decode("AAAA", "redis", LISTING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageCursor.decode("A", "redis", LISTING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageCursor.encode("redis", LISTING, new byte[PageCursor.MAX_POSITION + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLongestPosition_fitsTheLongestCursor() {
        String cursor = PageCursor.encode("redis", LISTING, new byte[PageCursor.MAX_POSITION]);

        assertThat(cursor.length()).isLessThanOrEqualTo(PageRequest.MAX_CURSOR_LENGTH);
        assertThat(PageRequest.after(cursor, 1).cursor()).contains(cursor);
    }

    @Test
    void limitsOutsideOneToAThousand_areRefused_namingTheLimit() {
        assertThat(PageRequest.first(1).limit()).isEqualTo(1);
        assertThat(PageRequest.first(PageRequest.MAX_LIMIT).limit()).isEqualTo(1000);
        for (int bad : new int[] {0, -1, 1001, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> PageRequest.first(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit must be 1..1000, was " + bad);
        }
    }
}
