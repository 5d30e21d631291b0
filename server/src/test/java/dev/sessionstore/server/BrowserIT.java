package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.testkit.HeadlessChromium;
import dev.sessionstore.testkit.RequiredTool;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium: the same user signs in from two browsers, sees both sessions, signs the other out, and the
 * other browser is sent to the login page. Chromium and ChromeDriver come from the PATH or from
 * {@code -Dsessionstore.chromium} / {@code -Dsessionstore.chromedriver} ({@link RequiredTool}; missing: skipped, or
 * failed when tools are required). Screenshots go to {@code target/screenshots}; with
 * {@code -Dsessionstore.refreshDocsImages=true} they replace the README's images in {@code docs/images} instead.
 */
class BrowserIT {
    private static final String REFRESH_DOCS_IMAGES = "sessionstore.refreshDocsImages";
    private static final Path IMAGES = Boolean.getBoolean(REFRESH_DOCS_IMAGES)
            ? Path.of(System.getProperty("user.dir")).getParent().resolve("docs/images")
            : Path.of(System.getProperty("user.dir"), "target", "screenshots");
    private static Path chromium;
    private static Path chromedriver;
    private static RedisServerProcess redis;
    private static TestServer server;
    private static final List<WebDriver> drivers = new ArrayList<>();
    private static final HeadlessChromium chromiumFlags = new HeadlessChromium();

    /** Per test, so that a machine without the browser reports each test as skipped; the server starts once. */
    @BeforeEach
    void start() {
        chromium = RequiredTool.CHROMIUM.require();
        chromedriver = RequiredTool.CHROMEDRIVER.require();
        if (server == null) {
            redis = RedisServerProcess.startEphemeral();
            server = TestServer.redis(redis.uri());
        }
    }

    @AfterAll
    static void stop() {
        drivers.forEach(WebDriver::quit);
        if (server != null) {
            server.close();
        }
        if (redis != null) {
            redis.close();
        }
        chromiumFlags.close();
    }

    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private static WebDriver browser(int width, int height) throws IOException {
        return browser(width, height, List.of());
    }

    private static WebDriver browser(int width, int height, List<String> extraArgs) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(chromiumFlags.arguments(width, height));
        options.addArguments(extraArgs);
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
        return "http://localhost:" + server.server.port() + path;
    }

    private static void signIn(WebDriver d, String user, String password) {
        d.get(url("/login"));
        d.findElement(By.name("username")).sendKeys(user);
        d.findElement(By.name("password")).sendKeys(password);
        d.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(url("/sessions")));
    }

    private static void screenshot(WebDriver d, String name) throws IOException {
        Files.createDirectories(IMAGES);
        File shot = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Path target = IMAGES.resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void signOutAllOthers_sendsTheOtherBrowserToTheLoginPage() throws IOException {
        WebDriver laptop = browser(1100, 860);
        WebDriver phone = browser(390, 844, List.of("--user-agent=" + IPHONE));
        signIn(laptop, "alice", "alice-demo-pass");
        signIn(phone, "alice", "alice-demo-pass");

        laptop.navigate().refresh();
        assertThat(laptop.findElements(By.cssSelector("li.session"))).hasSize(2);
        assertThat(laptop.findElements(By.cssSelector("li.session.current"))).hasSize(1);
        assertThat(laptop.findElement(By.cssSelector("li.session.current")).getText())
                .contains("This device");
        assertThat(laptop.findElement(By.cssSelector("li.session.current")).getText())
                .contains("Headless Chrome on Linux");
        assertThat(laptop.findElement(By.cssSelector("main")).getText()).contains("Safari on iPhone");
        screenshot(laptop, "sessions-page.png");
        phone.navigate().refresh();
        screenshot(phone, "sessions-page-phone.png");

        laptop.findElement(By.xpath("//button[contains(., 'Sign out all other sessions')]"))
                .click();
        new WebDriverWait(laptop, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(url("/sessions")));
        assertThat(laptop.findElements(By.cssSelector("li.session"))).hasSize(1);

        phone.get(url("/sessions"));
        new WebDriverWait(phone, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(url("/login")));
        assertThat(phone.findElements(By.name("password"))).hasSize(1);
        phone.manage().window().setSize(new Dimension(390, 700));
        screenshot(phone, "login-page-phone.png");
    }

    @Test
    void adminPage_opensWithTheApiKey_andShowsLiveSessions() throws IOException {
        for (String device : List.of(IPHONE, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0")) {
            HttpResponse<String> res = server.send(server.api("/v1/sessions")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"alice\",\"attributes\":{\"userAgent\":\""
                            + device + "\",\"address\":\"127.0.0.1\"}}"))
                    .build());
            assertThat(res.statusCode()).isEqualTo(201);
        }
        // every session on this server is alice's: the two above and any the other test left
        List<String> alices = new ArrayList<>();
        new ObjectMapper()
                .readTree(server.send(server.api("/v1/users/alice/sessions").build())
                        .body())
                .get("sessions")
                .forEach(session -> alices.add(session.get("id").asText()));
        String expectedLive = Integer.toString(alices.size());
        WebDriver d = browser(1100, 900);
        d.get(url("/admin"));
        d.findElement(By.name("apiKey")).sendKeys(TestServer.API_KEY);
        d.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(d, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("live-sessions")));
        // the count comes from the statistics job (every second in tests): reload until it has counted them
        new WebDriverWait(d, Duration.ofSeconds(15))
                .withMessage(() -> "the admin page's live sessions to read " + expectedLive)
                .until(driver -> {
                    driver.get(url("/admin?user=alice"));
                    return driver.findElement(By.id("live-sessions")).getText().equals(expectedLive);
                });
        assertThat(d.findElement(By.id("live-sessions")).getText()).isEqualTo(expectedLive);
        assertThat(d.findElements(By.xpath("//table[thead/tr/th[.='Device']]/tbody/tr/td[1]/code")).stream()
                        .map(WebElement::getText)
                        .toList())
                .as("alice's sessions in the table")
                .containsExactlyInAnyOrderElementsOf(alices);
        assertThat(d.findElement(By.xpath("//span[.='Memory per session']/following-sibling::span"))
                        .getText())
                .matches("[1-9]\\d* B");
        assertThat(d.findElement(By.id("persistence")).getText())
                .as("the test's Redis runs with --appendonly no --save ''")
                .isEqualTo("none");
        screenshot(d, "admin-page.png");
    }
}
