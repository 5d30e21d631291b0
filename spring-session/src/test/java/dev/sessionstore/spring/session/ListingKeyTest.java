package dev.sessionstore.spring.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.SessionToken;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;

class ListingKeyTest {
    private static final String PRINCIPAL = FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME;

    @Test
    void text_namesThePublicIdAndTheListing_andParsesBack() {
        SessionToken token = SessionToken.generate("ann");
        ListingKey key = new ListingKey(token.id(), PRINCIPAL, "ann.o'neil@example.com");

        String text = key.text();

        assertThat(text).startsWith("ssr_" + token.id().value() + ".").doesNotContain(token.reveal());
        assertThat(text).matches("ssr_[A-Za-z0-9_-]{24}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(ListingKey.tryParse(text)).contains(key);
    }

    @Test
    void tryParse_refusesOtherText() {
        String id = SessionToken.generateAnonymous().id().value();

        assertThat(ListingKey.tryParse("")).isEmpty();
        assertThat(ListingKey.tryParse(SessionToken.generateAnonymous().reveal()))
                .isEmpty();
        assertThat(ListingKey.tryParse("ssr_" + id)).isEmpty();
        assertThat(ListingKey.tryParse("ssr_" + id + ".YQ")).isEmpty();
        assertThat(ListingKey.tryParse("ssr_" + id + ".YQ.YQ.YQ")).isEmpty();
        assertThat(ListingKey.tryParse("ssr_" + id + ".Y*.YQ")).isEmpty();
        assertThat(ListingKey.tryParse("ssr_short.YQ.YQ")).isEmpty();
        assertThat(ListingKey.tryParse("ssr_" + id + ".YQ." + "A".repeat(ListingKey.MAX_LENGTH)))
                .isEmpty();
    }
}
