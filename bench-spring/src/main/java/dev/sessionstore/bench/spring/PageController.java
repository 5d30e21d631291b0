package dev.sessionstore.bench.spring;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The measured page: an authenticated request that reads one session attribute. */
@RestController
class PageController {
    @GetMapping(path = "/page", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpSession session) {
        Object greeting = session.getAttribute(SecurityConfig.GREETING);
        return "<p>" + HtmlUtils.htmlEscape(greeting == null ? "Hello" : greeting.toString()) + "</p>\n";
    }
}
