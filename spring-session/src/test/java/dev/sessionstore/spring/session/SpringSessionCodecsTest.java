package dev.sessionstore.spring.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.JsonValue;
import dev.sessionstore.json.AttributeCodec;
import dev.sessionstore.json.DisallowedTypeException;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.SavedCookie;

class SpringSessionCodecsTest {
    private static final String TRIPWIRE = "dev.sessionstore.spring.session.Tripwire";
    private final AttributeCodec codec =
            SpringSessionCodecs.defaultCodec(getClass().getClassLoader());

    @Test
    void securityContext_isJsonNamingSpringSecuritysTypes_andReadsBackEqual() {
        SecurityContext context = Fixtures.securityContext("ann", "ROLE_USER");

        JsonValue json = codec.encode(context);

        // Spring Security's package prefix is written as "~" (ClassTypeIds)
        assertThat(json.json())
                .contains("\"@class\":\"~core.context.SecurityContextImpl\"")
                .contains("\"@class\":\"~authentication.UsernamePasswordAuthenticationToken\"")
                .contains("\"@class\":\"~core.userdetails.User\"")
                .contains("\"@class\":\"~core.authority.SimpleGrantedAuthority\"")
                .doesNotContain("org.springframework.security.")
                .contains("ROLE_USER")
                .doesNotContain("rO0"); // no Java serialization
        assertThat(codec.decode(json)).isEqualTo(context);
    }

    @Test
    void aContextWrittenWithFullClassNames_asBeforeTheAbbreviation_readsBackEqual() {
        SecurityContext context = Fixtures.securityContext("ann", "ROLE_USER");
        String full = codec.encode(context).json().replace("\"~", "\"org.springframework.security.");
        assertThat(full)
                .contains("\"@class\":\"" + SecurityContextImpl.class.getName() + "\"")
                .doesNotContain("\"~");

        assertThat(codec.decode(JsonValue.parse(full))).isEqualTo(context);
    }

    @Test
    void anAbbreviatedId_isResolvedAsTheFullNameUnderSpringSecuritysPackage() {
        // "~" stands for Spring Security's package only: what it names is checked as that full name
        JsonValue outside = JsonValue.parse("{\"@class\":\"~..java.lang.ProcessBuilder\",\"command\":[\"true\"]}");
        assertThatThrownBy(() -> codec.decode(outside))
                .hasMessageContaining("org.springframework.security...java.lang.ProcessBuilder");
    }

    @Test
    void theLoginsSessionIdInWebAuthenticationDetails_isNeverWritten() {
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.authenticated(
                "ann", null, AuthorityUtils.createAuthorityList("ROLE_USER"));
        login.setDetails(new WebAuthenticationDetails("192.0.2.7", "sst_theTokenTheLoginCameFrom"));
        SecurityContext context = new SecurityContextImpl(login);

        JsonValue json = codec.encode(context);

        assertThat(json.json()).doesNotContain("sst_theTokenTheLoginCameFrom").contains("192.0.2.7");
        SecurityContext read = (SecurityContext) codec.decode(json);
        WebAuthenticationDetails details =
                (WebAuthenticationDetails) read.getAuthentication().getDetails();
        assertThat(details.getRemoteAddress()).isEqualTo("192.0.2.7");
        assertThat(details.getSessionId()).isNull();
        assertThat(read.getAuthentication().getName()).isEqualTo("ann");
    }

    @Test
    void theSavedRequest_isWrittenWithoutItsCookiesAndCredentialHeaders_andStillRedirects() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Cookie", List.of("SESSION=c3N0X3NlY3JldA=="));
        headers.put("Authorization", List.of("Basic YW5uOnB3"));
        headers.put("Accept", List.of("text/html"));
        DefaultSavedRequest saved = new DefaultSavedRequest.Builder()
                .setCookies(List.of(new SavedCookie(new Cookie("SESSION", "c3N0X3NlY3JldA=="))))
                .setHeaders(headers)
                .setLocales(List.of(Locale.ENGLISH))
                .setParameters(Map.of("tab", new String[] {"all"}))
                .setMethod("GET")
                .setScheme("https")
                .setServerName("app.example")
                .setServerPort(443)
                .setRequestURI("/sessions")
                .setRequestURL("https://app.example/sessions")
                .setQueryString("tab=all")
                .setContextPath("")
                .setServletPath("/sessions")
                .build();

        JsonValue json = codec.encode(saved);

        assertThat(json.json()).doesNotContain("c3N0X3NlY3JldA==", "YW5uOnB3").contains("text/html");
        DefaultSavedRequest read = (DefaultSavedRequest) codec.decode(json);
        assertThat(read.getRedirectUrl()).isEqualTo(saved.getRedirectUrl());
        assertThat(read.getCookies()).isEmpty();
        assertThat(read.getHeaderValues("Accept")).containsExactly("text/html");
        assertThat(read.getHeaderValues("Cookie")).isEmpty();
    }

    @Test
    void decode_refusesAGadgetClassName_beforeLoadingIt() {
        JsonValue gadget = JsonValue.parse("{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"true\"]}");

        assertThatThrownBy(() -> codec.decode(gadget))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining("java.lang.ProcessBuilder");
    }

    @Test
    void decode_refusesAClassNestedInTheSecurityContext_withoutLoadingIt() {
        String json = codec.encode(Fixtures.securityContext("ann", "ROLE_USER"))
                .json()
                .replace("\"details\":null", "\"details\":{\"@class\":\"" + TRIPWIRE + "\",\"command\":\"x\"}");
        assertThat(json).contains(TRIPWIRE);

        assertThatThrownBy(() -> codec.decode(JsonValue.parse(json)))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining(TRIPWIRE);
        assertThat(Tripwire.Flag.FLAG).as("the class was never initialized").isFalse();
    }

    @Test
    void encode_ofAnApplicationTypeNotAllowed_namesItAndTheProperty() {
        assertThatThrownBy(() -> codec.encode(new Fixtures.Unlisted("x")))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining("Fixtures.Unlisted")
                .hasMessageContaining("sessionstore.session.allowed-types");
    }

    @Test
    void builder_allowsTheApplicationsTypes_besideSpringSecuritys() {
        AttributeCodec withApp = SpringSessionCodecs.builder(getClass().getClassLoader())
                .allow(Fixtures.Unlisted.class)
                .build();

        assertThat(withApp.decode(withApp.encode(new Fixtures.Unlisted("x")))).isEqualTo(new Fixtures.Unlisted("x"));
        SecurityContext context = Fixtures.securityContext("bob", "ROLE_ADMIN");
        assertThat(withApp.decode(withApp.encode(context))).isEqualTo(context);
    }

    @Test
    void withoutSpringSecurityInTheLoader_theCodecHasOnlyItsDefaultTypes() {
        AttributeCodec plain = SpringSessionCodecs.defaultCodec(ClassLoader.getPlatformClassLoader());

        assertThat(plain.decode(plain.encode("text"))).isEqualTo("text");
        assertThatThrownBy(() -> plain.encode(Fixtures.securityContext("ann", "ROLE_USER")))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining(SecurityContextImpl.class.getName());
    }
}
