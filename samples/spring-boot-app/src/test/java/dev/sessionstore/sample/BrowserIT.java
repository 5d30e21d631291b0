package dev.sessionstore.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.testkit.HeadlessChromium;
import dev.sessionstore.testkit.RequiredTool;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sample in headless Chromium, against a private redis-server: two browsers of one user and "sign out all
 * others"; a fourth login signs the oldest of three out; sessions survive a restart of the app; and afterwards Redis
 * holds none of the tokens the browsers were given and no Java-serialized value. Chromium and ChromeDriver come from
 * the PATH or {@code -Dsessionstore.chromium} / {@code -Dsessionstore.chromedriver} ({@link RequiredTool}: missing,
 * the tests are skipped, or fail when tools are required). Screenshots go to {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {
    private static final Path SHOTS = Path.of(System.getProperty("user.dir"), "target", "screenshots");
    private static final byte[] JAVA_SERIALIZATION = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05};

    private static Path chromium;
    private static Path chromedriver;
    private static RedisServerProcess redis;
    private static int port;
    private static RunningApp app;
    private static final List<WebDriver> drivers = new ArrayList<>();
    private static final HeadlessChromium chromiumFlags = new HeadlessChromium();
    /** Every SESSION cookie value a browser of this class held. */
    private static final Set<String> cookiesSeen = ConcurrentHashMap.newKeySet();

    /** Per test, so that a machine without the browser reports each test as skipped; the app starts once. */
    @BeforeEach
    void start() {
        chromium = RequiredTool.CHROMIUM.require();
        chromedriver = RequiredTool.CHROMEDRIVER.require();
        if (app == null) {
            redis = RedisServerProcess.startEphemeral();
            port = RedisServerProcess.freePort();
            app = RunningApp.start(port, redis.uri());
        }
    }

    @AfterAll
    static void stop() {
        drivers.forEach(WebDriver::quit);
        if (app != null) {
            app.close();
        }
        if (redis != null) {
            redis.close();
        }
        chromiumFlags.close();
    }

    private static WebDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(chromiumFlags.arguments(1000, 800));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        drivers.add(driver);
        return driver;
    }

    private static String url(String path) {
        return app.url(path);
    }

    private static void signIn(WebDriver d, String user) {
        d.get(url("/login"));
        remember(d);
        d.findElement(By.name("username")).sendKeys(user);
        d.findElement(By.name("password")).sendKeys(user + "-demo-pass");
        d.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d, url("/"));
        assertThat(d.findElement(By.id("user")).getText()).isEqualTo(user);
        remember(d);
    }

    private static void remember(WebDriver d) {
        Cookie session = d.manage().getCookieNamed("SESSION");
        if (session != null) {
            cookiesSeen.add(session.getValue());
        }
    }

    private static void waitFor(WebDriver d, String address) {
        new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(address));
    }

    /** Opens "Your sessions"; true when it showed, false when the browser was sent to the login page. */
    private static boolean openSessions(WebDriver d) {
        d.get(url("/sessions"));
        return d.getCurrentUrl().equals(url("/sessions"));
    }

    private static int rows(WebDriver d) {
        return d.findElements(By.cssSelector("tr.session")).size();
    }

    private static void screenshot(WebDriver d, String name) throws IOException {
        Files.createDirectories(SHOTS);
        File shot = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(1)
    void signOutAllOthers_sendsTheOtherBrowserToTheLoginPage() throws IOException {
        WebDriver first = browser();
        WebDriver second = browser();
        signIn(first, "alice");
        signIn(second, "alice");

        assertThat(openSessions(second)).isTrue();
        assertThat(rows(second)).isEqualTo(2);
        assertThat(second.findElements(By.cssSelector("tr.this-device"))).hasSize(1);
        screenshot(second, "sample-your-sessions.png");

        second.findElement(By.xpath("//button[text()='Sign out all other sessions']"))
                .click();
        waitFor(second, url("/sessions"));
        assertThat(rows(second)).isEqualTo(1);

        assertThat(openSessions(first)).isFalse();
        assertThat(first.getCurrentUrl()).isEqualTo(url("/login"));
        assertThat(openSessions(second)).isTrue();
    }

    @Test
    @Order(2)
    void aFourthLogin_signsTheOldestOfThreeOut() throws IOException {
        List<WebDriver> browsers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WebDriver d = browser();
            signIn(d, "bob");
            browsers.add(d);
        }

        assertThat(openSessions(browsers.get(0))).as("the oldest session").isFalse();
        for (WebDriver d : browsers.subList(1, 4)) {
            assertThat(openSessions(d)).isTrue();
        }
        assertThat(rows(browsers.get(3))).isEqualTo(SecurityConfig.MAX_SESSIONS);
    }

    @Test
    @Order(3)
    void sessionsSurviveARestartOfTheApp() throws IOException {
        WebDriver d = browser();
        signIn(d, "carol");
        assertThat(openSessions(d)).isTrue();

        app.close();
        app = RunningApp.start(port, redis.uri()); // same port, same Redis: a deploy

        assertThat(openSessions(d)).isTrue();
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Your sessions, carol");
        assertThat(d.findElements(By.cssSelector("tr.this-device"))).hasSize(1);
    }

    @Test
    @Order(4)
    void redisHoldsNoTokenTheBrowsersWereGiven_andNoJavaSerializedValue() throws IOException {
        WebDriver d = browser();
        signIn(d, "carol"); // one more live session, whatever ran before
        drivers.forEach(BrowserIT::remember);

        List<RedisScan.Entry> entries = RedisScan.all(redis.uri());
        assertThat(entries).isNotEmpty();
        assertThat(cookiesSeen).hasSizeGreaterThanOrEqualTo(2);
        for (String cookie : cookiesSeen) {
            byte[] token = Base64.getDecoder().decode(cookie);
            assertThat(new String(token, StandardCharsets.US_ASCII)).startsWith("sst_");
            for (RedisScan.Entry entry : entries) {
                assertThat(entry.contains(token))
                        .as("a token under %s", entry.key())
                        .isFalse();
                assertThat(entry.contains(cookie.getBytes(StandardCharsets.US_ASCII)))
                        .as("a cookie under %s", entry.key())
                        .isFalse();
            }
        }
        for (RedisScan.Entry entry : entries) {
            assertThat(entry.contains(JAVA_SERIALIZATION))
                    .as("Java serialization under %s", entry.key())
                    .isFalse();
        }
    }
}
