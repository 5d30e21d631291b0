package dev.sessionstore.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ClassTypeIds}: Spring Security's package prefix as {@code ~}, both ways, and nothing else touched. */
class ClassTypeIdsTest {
    @Test
    void springSecuritysPrefix_isWrittenAsTheMark_andReadBack() {
        String name = "org.springframework.security.core.context.SecurityContextImpl";
        assertThat(ClassTypeIds.shorten(name)).isEqualTo("~core.context.SecurityContextImpl");
        assertThat(ClassTypeIds.expand("~core.context.SecurityContextImpl")).isEqualTo(name);
        assertThat(ClassTypeIds.expand(name))
                .as("the full name, as written before")
                .isEqualTo(name);
    }

    @Test
    void otherNames_areLeftAsTheyAre() {
        for (String name : new String[] {
            "java.util.ArrayList", "com.example.Cart", "org.springframework.securityx.Thing", "org.springframework.Foo"
        }) {
            assertThat(ClassTypeIds.shorten(name)).isEqualTo(name);
            assertThat(ClassTypeIds.expand(name)).isEqualTo(name);
        }
    }
}
