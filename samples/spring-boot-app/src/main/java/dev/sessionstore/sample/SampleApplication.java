package dev.sessionstore.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample: a Spring Boot app with Spring Security form login whose sessions live in sessionstore on Redis
 * through the starter (one dependency, one property: {@code sessionstore.redis-url}).
 */
@SpringBootApplication
public class SampleApplication {
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
