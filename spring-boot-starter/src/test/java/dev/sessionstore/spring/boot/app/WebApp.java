package dev.sessionstore.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A small web app as a user of the starter writes it: nothing but the starter's properties. */
@SpringBootApplication
public class WebApp {
    @RestController
    static class Hello {
        @GetMapping("/hello")
        String hello() {
            return "hello";
        }
    }
}
