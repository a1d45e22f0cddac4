package dev.resface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.data.SourceImages;
import dev.resface.image.RgbImage;
import dev.resface.web.ServeBenchmark;
import dev.resface.web.ServeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editing page end to end in headless Chromium: upload, edit, slide, download, a sample with its face boxes, and
 * the API's refusals shown to the user. Debian's chromium and chromium-driver are named explicitly, so Selenium never
 * looks for (or downloads) a browser of its own.
 */
class ServePageTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    static Path dir;
    static ServeTesting.Server server;
    static WebDriver driver;
    static Path downloads;
    static Path face;
    static RgbImage faceImage;

    @BeforeAll
    static void start() throws Exception {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(Files.isExecutable(p)).as(p + " is missing: run ./setup.sh, which installs Debian's chromium and"
                    + " chromium-driver").isTrue();
        }
        server = ServeTesting.start(ServeTesting.trainRuns(dir), ServeConfig.defaults());
        byte[] jpeg = new ServeBenchmark(server.server().uri(), "glasses-a").oneFacePhoto();
        face = dir.resolve("face.jpg");
        Files.write(face, jpeg);
        faceImage = SourceImages.decodePhoto(jpeg, Long.MAX_VALUE);
        downloads = Files.createDirectories(dir.resolve("downloads"));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    static String src(String id) {
        String s = find(id).getAttribute("src");
        return s == null ? "" : s;
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Opens the page and waits for its runs. */
    static void open() {
        driver.get(server.uri("").toString());
        waiting().until(d -> new Select(find("run")).getOptions().size() == 2);
    }

    static RgbImage image(String dataUrl) throws Exception {
        assertThat(dataUrl).startsWith("data:image/png;base64,");
        return SourceImages.decodePhoto(Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1)),
                Long.MAX_VALUE);
    }

    @Test
    void uploadEditSlideAndDownload() throws Exception {
        open();
        assertThat(find("run-info").getText()).isEqualTo("Eyeglasses: residual-gan, 32px, iteration 1");

        find("photo").sendKeys(face.toString());
        waiting().until(d -> find("status").getText().startsWith("1 face edited"));
        String first = src("edited");
        RgbImage edited = image(first);
        assertThat(edited.width()).isEqualTo(faceImage.width());
        assertThat(edited.height()).isEqualTo(faceImage.height());
        assertThat(edited.pixels()).isNotEqualTo(faceImage.pixels());
        assertThat(src("original")).startsWith("blob:");
        assertThat(src("change")).startsWith("data:image/png;base64,");
        assertThat(driver.findElements(By.cssSelector("#boxes rect"))).hasSize(1);

        // Ten steps of 0.05 down: one debounced request for 0.5, the upload posted again.
        WebElement slider = find("strength");
        for (int i = 0; i < 10; i++) {
            slider.sendKeys(Keys.ARROW_LEFT);
        }
        assertThat(find("strength-value").getText()).isEqualTo("0.50");
        waiting().until(d -> find("status").getText().endsWith("strength 0.5"));
        String half = src("edited");
        assertThat(half).isNotEqualTo(first);

        WebElement link = find("download");
        assertThat(link.isDisplayed()).isTrue();
        assertThat(link.getAttribute("href")).startsWith("blob:");
        assertThat(link.getAttribute("download")).isEqualTo("photo_add_s0.5_edited.png");
        link.click();
        Path file = downloads.resolve("photo_add_s0.5_edited.png");
        waiting().until(d -> Files.exists(file) && partialDownloads().isEmpty());
        RgbImage downloaded = SourceImages.readPhoto(file, Long.MAX_VALUE);
        assertThat(downloaded.pixels()).isEqualTo(image(half).pixels());

        // All the way down: strength 0 shows the upload itself.
        slider.sendKeys(Keys.HOME);
        waiting().until(d -> find("status").getText().endsWith("strength 0"));
        assertThat(image(src("edited")).pixels()).isEqualTo(faceImage.pixels());
    }

    @Test
    void aSampleShowsItsFaceBoxesAndARefusalIsShownToTheUser() throws Exception {
        open();
        new Select(find("sample")).selectByValue("sample1");
        waiting().until(d -> find("status").getText().startsWith("3 faces edited"));
        assertThat(src("original")).endsWith("/api/samples/sample1");
        assertThat(driver.findElements(By.cssSelector("#boxes rect"))).hasSize(3);
        assertThat(find("error").isDisplayed()).isFalse();

        Path text = Files.writeString(dir.resolve("notes.png"), "not a photo");
        find("photo").sendKeys(text.toString());
        waiting().until(d -> find("error").isDisplayed());
        assertThat(find("error").getText()).isEqualTo("photo is not a JPEG or PNG image");

        // Refused before the server reads it, a photo over the upload limit still gets its message through.
        byte[] huge = new byte[21 << 20];
        System.arraycopy(Files.readAllBytes(face), 0, huge, 0, 3);
        Path tooLarge = Files.write(dir.resolve("huge.jpg"), huge);
        find("photo").sendKeys(tooLarge.toString());
        waiting().until(d -> find("error").getText().startsWith("upload too large"));

        // The next good photo clears the message.
        find("photo").sendKeys(face.toString());
        waiting().until(d -> !find("error").isDisplayed() && find("status").getText().startsWith("1 face edited"));
        assertThat(server.log()).doesNotContain("ERROR").contains("POST /api/edit 400", "POST /api/edit 413");
    }

    @Test
    void severalRunsChosenAreAppliedInTurn() throws Exception {
        open();
        find("photo").sendKeys(face.toString());
        waiting().until(d -> find("status").getText().startsWith("1 face edited,"));
        RgbImage one = image(src("edited"));

        Select runs = new Select(find("run"));
        assertThat(runs.isMultiple()).isTrue();
        runs.selectByIndex(1);
        waiting().until(d -> find("status").getText().startsWith("1 face edited by 2 runs in turn,"));
        assertThat(find("run-info").getText()).contains(", then ");
        RgbImage both = image(src("edited"));
        assertThat(both.pixels()).isNotEqualTo(one.pixels()).isNotEqualTo(faceImage.pixels());

        // None chosen: the user is told, and nothing is posted.
        runs.deselectAll();
        waiting().until(d -> find("error").isDisplayed());
        assertThat(find("error").getText()).isEqualTo("choose a run to edit with");
    }

    static List<Path> partialDownloads() {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.filter(p -> p.toString().endsWith(".crdownload")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
