// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium (Debian {@code chromium} and {@code chromium-driver}):
 * network and evidence, a scenario run with its plots and response class, the history, reopening
 * and comparing. Screenshots go to {@code target/screenshots/}. Skipped, with a message, when the
 * browser or its driver is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path data;
    static WebServer server;
    static WebDriver driver;
    static String predictRun;
    static String cohortRun;
    static String screenRun;

    static String find(String env, String... paths) {
        String v = System.getenv(env);
        if (v != null) {
            // an explicit path is the only one tried
            return new File(v).canExecute() ? v : null;
        }
        for (String p : paths) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        return null;
    }

    @BeforeAll
    static void start() throws Exception {
        String chromium = find("CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        String chromedriver = find("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium == null || chromedriver == null) {
            String msg = "SKIPPED browser tests: chromium or chromedriver not found (apt-get install -y chromium chromium-driver,"
                + " or set CHROMIUM and CHROMEDRIVER)";
            System.err.println(msg);
            Assumptions.abort(msg);
        }
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        server = WebServer.start(WebConfig.defaults().at("127.0.0.1", 0).withDataDir(data).withLimits(500, 2, 20, 120, 200_000));
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,950");
        ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        driver = new ChromeDriver(svc, o);
        // the window's size less its frame: make the page itself 1400 x 900
        driver.get(server.url() + "index.html");
        Dimension outer = driver.manage().window().getSize();
        long dw = 1400 - ((Number) js("return window.innerWidth")).longValue();
        long dh = 900 - ((Number) js("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension((int) (outer.getWidth() + dw), (int) (outer.getHeight() + dh)));
        Files.createDirectories(SHOTS);
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

    static WebDriverWait waitFor(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    static void open(String page) {
        driver.get(server.url() + page);
        waitFor(30).until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    static void shot(String name) throws Exception {
        File f = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Every text on the page that is rendered, with its size in px where that is under 11 px (SVG text as scaled on screen). */
    @SuppressWarnings("unchecked")
    static List<String> smallText() {
        return (List<String>) js("""
            const small = [];
            const check = (el, what) => {
              if (!el.getClientRects().length || el.closest('[hidden]')) return;
              const cs = getComputedStyle(el);
              if (cs.visibility === 'hidden' || cs.display === 'none') return;
              let px = parseFloat(cs.fontSize);
              if (el instanceof SVGElement && el.getScreenCTM()) { const m = el.getScreenCTM(); px *= Math.hypot(m.a, m.b); }
              if (px < 11) small.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + what.slice(0, 40) + '" ' + px.toFixed(1) + ' px');
            };
            const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {
              const t = walk.currentNode;
              if (t.textContent.trim() && t.parentElement.tagName !== 'OPTION') check(t.parentElement, t.textContent.trim());
            }
            document.querySelectorAll('input:not([type=checkbox]):not([type=radio]), select, textarea, button').forEach(e => check(e, e.value || e.id));
            return small;""");
    }

    static void assertReadable(String page) {
        assertThat(smallText()).as("text under 11 px on " + page).isEmpty();
    }

    /**
     * The network's node labels as Cytoscape draws them: font size times zoom, for every visible
     * node with a label, with whether it is drawn at all (at least its min-zoomed-font-size).
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> networkLabels() {
        return (List<Map<String, Object>>) js("""
            const z = cy.zoom();
            return cy.nodes(':visible').filter(n => n.data('label')).map(n => {
              const px = parseFloat(n.style('font-size')) * z;
              return { id: n.id(), px, drawn: px >= parseFloat(n.style('min-zoomed-font-size')) };
            });""");
    }

    static void awaitNetworkStill() {
        waitFor(10).until(d -> Boolean.FALSE.equals(js("return cy.animated() || cy.nodes().some(n => n.animated())")));
    }

    /** Each page at 1400 x 900: a screenshot, no text under 11 px; network labels drawn at 11 px or more; Run in view on Cohort. */
    @Test
    @Order(0)
    void everyPageIsReadableAt1400By900() throws Exception {
        assertThat(js("return [window.innerWidth, window.innerHeight]")).isEqualTo(List.of(1400L, 900L));
        for (String page : List.of("index.html", "scenario.html", "cohort.html", "screen.html", "history.html")) {
            open(page);
            shot("readable-" + page.replace(".html", ""));
            assertReadable(page);
        }
        open("index.html");
        awaitNetworkStill();
        List<Map<String, Object>> labels = networkLabels();
        assertThat(labels).as("labelled nodes in the default view").hasSizeGreaterThanOrEqualTo(10);
        assertThat(labels).allSatisfy(l -> {
            assertThat((Boolean) l.get("drawn")).as("label of %s drawn", l.get("id")).isTrue();
            assertThat(((Number) l.get("px")).doubleValue()).as("label of %s in px", l.get("id")).isGreaterThanOrEqualTo(11.0);
        });
        // every compartment's box is on screen
        assertThat((Boolean) js("""
            const e = cy.extent();
            return cy.nodes('.box:visible').every(n => { const b = n.boundingBox(); return b.x1 >= e.x1 && b.x2 <= e.x2 && b.y1 >= e.y1 && b.y2 <= e.y2; });""")).isTrue();
        driver.findElement(By.id("expand-all")).click();
        awaitNetworkStill();
        assertThat(((Number) js("return cy.nodes(':visible').not('.compartment').length")).intValue()).isGreaterThan(100);
        assertThat(networkLabels()).allSatisfy(l -> assertThat(((Number) l.get("px")).doubleValue()).isGreaterThanOrEqualTo(11.0));
        shot("readable-index-open");
        open("cohort.html");
        assertThat(driver.findElements(By.cssSelector("input[type=checkbox][value=trastuzumab]"))).as("one therapy grid").hasSize(1);
        assertThat((Boolean) js("""
            const r = document.getElementById('run').getBoundingClientRect();
            return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;""")).as("Run in view").isTrue();
    }

    /** The search box opens the node's compartment, centres the node and draws its label at 11 px or more. */
    @Test
    @Order(0)
    void searchCentresAndHighlightsANode() throws Exception {
        open("index.html");
        assertThat((Boolean) js("return cy.getElementById('PTEN').visible()")).as("PTEN inside its closed compartment").isFalse();
        WebElement find = driver.findElement(By.id("find"));
        find.sendKeys("pten", Keys.ENTER);
        waitFor(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence [data-kind=node]")));
        awaitNetworkStill();
        assertThat((Boolean) js("return cy.getElementById('PTEN').visible() && cy.getElementById('PTEN').hasClass('found')")).isTrue();
        @SuppressWarnings("unchecked")
        List<Number> off = (List<Number>) js("const p = cy.getElementById('PTEN').renderedPosition(); return [p.x - cy.width() / 2, p.y - cy.height() / 2];");
        assertThat(off).allSatisfy(d -> assertThat(Math.abs(d.doubleValue())).as("distance from the centre in px").isLessThan(2.0));
        assertThat(networkLabels()).filteredOn(l -> l.get("id").equals("PTEN"))
            .singleElement().satisfies(l -> assertThat(((Number) l.get("px")).doubleValue()).isGreaterThanOrEqualTo(11.0));
        assertThat(driver.findElement(By.id("evidence")).getText()).contains("PTEN");
        shot("network-search");
        // a closed compartment's box opens on a click, zoomed in so that its labels are drawn
        js("cy.getElementById('box:drug').emit('tap')");
        awaitNetworkStill();
        assertThat((Boolean) js("return cy.getElementById('TZB').visible() && !cy.getElementById('box:drug').visible()")).isTrue();
        assertThat(networkLabels()).filteredOn(l -> l.get("id").equals("TZB"))
            .singleElement().satisfies(l -> assertThat(((Number) l.get("px")).doubleValue()).isGreaterThanOrEqualTo(11.0));
    }

    @Test
    @Order(1)
    void networkShowsTheModelAndAMechanismsEvidence() throws Exception {
        open("index.html");
        assertThat(((Number) js("return cy.nodes().not('.compartment').length")).intValue()).isGreaterThan(100);
        assertThat(((Number) js("return cy.nodes('.compartment').length")).intValue()).isGreaterThan(8);
        WebElement mech = driver.findElements(By.cssSelector("#mechanisms button")).get(0);
        String id = mech.getDomAttribute("data-mechanism");
        mech.click();
        WebElement ev = waitFor(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence [data-kind=mechanism]")));
        assertThat(ev.getDomAttribute("data-id")).isEqualTo(id);
        assertThat(ev.getText()).contains("section").contains("§");
        shot("network");
    }

    @Test
    @Order(2)
    void clickingANodeShowsItsEvidence() {
        open("index.html");
        js("cy.getElementById('PTEN').emit('tap')");
        WebElement ev = waitFor(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence [data-kind=node]")));
        assertThat(ev.getText()).contains("PTEN").contains("signalling").contains("Regulators");
    }

    @Test
    @Order(3)
    void aScenarioRunShowsThePlotsAndTheResponseClass() throws Exception {
        open("scenario.html");
        WebElement samples = driver.findElement(By.id("samples"));
        samples.clear();
        samples.sendKeys("30");
        driver.findElement(By.id("run-predict")).click();
        WebElement cls = waitFor(120).until(ExpectedConditions.visibilityOfElementLocated(By.id("response-class")));
        assertThat(cls.getText()).isIn("sensitive", "partial", "resistant");
        assertThat(driver.findElements(By.cssSelector("#course-plot canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#phenotypes tr"))).hasSizeGreaterThan(3);
        assertThat(driver.findElements(By.cssSelector("#rescues tr"))).hasSizeGreaterThan(3);
        // add-ons without a measurable gain stay hidden until their toggle row is clicked
        for (WebElement toggle : driver.findElements(By.cssSelector("#rescues tr.toggle button"))) {
            WebElement first = driver.findElements(By.cssSelector("#rescues tr.no-gain")).get(0);
            assertThat(first.isDisplayed()).isFalse();
            toggle.click();
            assertThat(first.isDisplayed()).isTrue();
            toggle.click();
        }
        shot("scenario");
        assertReadable("scenario.html with results");
        predictRun = driver.getCurrentUrl().replaceFirst(".*\\?run=", "");
        WebElement months = driver.findElement(By.id("months"));
        months.clear();
        months.sendKeys("3");
        driver.findElement(By.id("run-treat")).click();
        waitFor(120).until(ExpectedConditions.visibilityOfElementLocated(By.id("best-response")));
        assertThat(driver.findElements(By.cssSelector("#burden-plot canvas"))).isNotEmpty();
        js("document.getElementById('treat-result').scrollIntoView()");
        shot("scenario-tumour");
    }

    @Test
    @Order(4)
    void aBadProfileShowsTheFieldAtFault() {
        open("scenario.html");
        WebElement yaml = driver.findElement(By.id("yaml"));
        yaml.clear();
        yaml.sendKeys("alterations: [");
        driver.findElement(By.id("run-predict")).click();
        WebElement err = waitFor(20).until(d -> {
            WebElement e = d.findElement(By.id("error"));
            return e.getText().isEmpty() ? null : e;
        });
        assertThat(err.getText()).startsWith("profileYaml:");
    }

    @Test
    @Order(5)
    void historyReopensAndComparesRuns() throws Exception {
        assertThat(predictRun).isNotBlank();
        open("history.html");
        List<WebElement> ticks = driver.findElements(By.cssSelector("#runs input[type=checkbox]:not([disabled])"));
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(2);
        ticks.get(0).click();
        ticks.get(1).click();
        driver.findElement(By.id("compare")).click();
        waitFor(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-table")));
        shot("history");
        driver.findElement(By.cssSelector("tr[data-run='" + predictRun + "'] a.open")).click();
        waitFor(30).until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        WebElement cls = waitFor(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("response-class")));
        assertThat(cls.getText()).isIn("sensitive", "partial", "resistant");
        assertThat(driver.findElements(By.cssSelector("#course-plot canvas"))).isNotEmpty();
        assertThat(driver.findElement(By.id("samples")).getDomProperty("value")).isEqualTo("30");
        shot("reopened");
    }

    @Test
    @Order(6)
    void theNetworkIsColouredByARun() throws Exception {
        open("index.html?run=" + predictRun);
        assertThat(((Number) js("return cy.nodes('.prob').length")).intValue()).isGreaterThan(5);
        assertThat((Boolean) js("return cy.nodes('.box').every(n => n.data('label') === n.data('comp') + '\\n' + cy.getElementById('comp:' + n.data('comp')).children().length + ' nodes')"))
            .as("compartment boxes keep their names").isTrue();
        shot("network-run");
    }

    static void setNumber(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    @Test
    @Order(7)
    void theCohortPageRunsASmallCohort() throws Exception {
        open("cohort.html");
        assertThat(driver.findElements(By.cssSelector("header nav a"))).extracting(WebElement::getText).contains("Cohort", "Screen");
        setNumber("size", "20");
        setNumber("samples", "50");
        setNumber("months", "6");
        driver.findElement(By.id("use-tumour")).click();
        driver.findElement(By.id("run")).click();
        waitFor(240).until(ExpectedConditions.visibilityOfElementLocated(By.id("overall-rate")));
        assertThat(driver.findElement(By.id("overall-rate")).getText()).matches("\\d+\\.\\d% \\(\\d+\\.\\d–\\d+\\.\\d%\\)");
        assertThat(driver.findElements(By.cssSelector("#subgroups tr[data-group]"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(driver.findElements(By.cssSelector("#subgroups .ci .whisker"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#nonresponse tr"))).hasSizeGreaterThan(1);
        waitFor(30).until(d -> !d.findElements(By.cssSelector("#km-plot canvas")).isEmpty());
        assertThat(driver.findElement(By.id("progress")).isDisplayed()).isFalse();
        shot("cohort");
        assertReadable("cohort.html with results");
        assertThat(driver.findElement(By.id("km-plot")).getDomAttribute("data-curves")).isEqualTo("3");
        // the page's default: trastuzumab given on its dosing schedule, through each patient's PK
        assertThat(driver.findElement(By.id("ttp")).getText()).startsWith("trastuzumab_q3w for 6 months, 20 patients");
        assertThat(driver.findElements(By.cssSelector("#exposure-quartiles tr[data-quartile]"))).hasSize(4);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("km-group"))).selectByValue("pik3ca_mutation");
        assertThat(driver.findElement(By.id("km-plot")).getDomAttribute("data-curves")).isEqualTo("2");
        assertThat(driver.findElement(By.id("km-plot")).getText()).contains("pik3ca_mutation present").contains("pik3ca_mutation absent");
        js("document.getElementById('tumour-result').scrollIntoView()");
        shot("cohort-km");
        cohortRun = driver.getCurrentUrl().replaceFirst(".*\\?run=", "");
    }

    @Test
    @Order(8)
    void theScreenPageRunsASmallScreenAndDrawsTheHeatmap() throws Exception {
        open("screen.html");
        setNumber("samples", "40");
        driver.findElement(By.id("run")).click();
        waitFor(240).until(ExpectedConditions.visibilityOfElementLocated(By.id("heatmap-svg")));
        assertThat(driver.findElements(By.cssSelector("#heatmap-svg rect.cell"))).hasSize(9);
        assertThat(driver.findElements(By.cssSelector("#heatmap-svg rect.cell[data-pair='trastuzumab+pertuzumab'] title"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#ranking tr[data-combination]"))).hasSize(6);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("measure"))).selectByValue("hsa");
        assertThat(driver.findElement(By.cssSelector("#heatmap-svg rect.cell[data-pair='trastuzumab+pertuzumab'] title")).getDomProperty("textContent"))
            .contains("HSA excess");
        shot("screen");
        assertReadable("screen.html with results");
        screenRun = driver.getCurrentUrl().replaceFirst(".*\\?run=", "");
    }

    @Test
    @Order(9)
    void historyReopensCohortAndScreenRunsAndTheirReportsOpen() throws Exception {
        assertThat(cohortRun).isNotBlank();
        assertThat(screenRun).isNotBlank();
        open("history.html");
        driver.findElement(By.cssSelector("tr[data-run='" + screenRun + "'] a.open")).click();
        waitFor(30).until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(driver.getCurrentUrl()).contains("screen.html?run=" + screenRun);
        assertThat(driver.findElements(By.cssSelector("#heatmap-svg rect.cell"))).hasSize(9);
        open("history.html");
        driver.findElement(By.cssSelector("tr[data-run='" + cohortRun + "'] a.open")).click();
        waitFor(30).until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        waitFor(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("overall-rate")));
        assertThat(driver.findElements(By.cssSelector("#subgroups tr[data-group]"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(driver.findElement(By.id("size")).getDomProperty("value")).isEqualTo("20");
        shot("cohort-reopened");
        open("history.html");
        String href = driver.findElement(By.cssSelector("tr[data-run='" + cohortRun + "'] a.report")).getDomProperty("href");
        assertThat(href).endsWith("/api/runs/" + cohortRun + "/report");
        driver.get(href);
        assertThat(driver.getTitle()).startsWith("her2sim cohort run");
        assertThat(driver.findElements(By.cssSelector("svg"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Mechanisms behind non-response");
        shot("cohort-report");
        driver.get(server.url() + "api/runs/" + screenRun + "/report");
        assertThat(driver.getTitle()).startsWith("her2sim screen run");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Ranking").contains("trastuzumab + pertuzumab");
        shot("screen-report");
        open("history.html");
        List<WebElement> ticks = List.of(driver.findElement(By.cssSelector("tr[data-run='" + cohortRun + "'] input")),
            driver.findElement(By.cssSelector("tr[data-run='" + screenRun + "'] input")));
        ticks.forEach(WebElement::click);
        driver.findElement(By.id("compare")).click();
        WebElement table = waitFor(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-table")));
        assertThat(table.getText()).contains("response rate").contains("top combinations (Bliss)");
        shot("history-compare-cohort-screen");
    }

    @Test
    @Order(10)
    void aDosedTumourShowsDrugConcentrations() throws Exception {
        open("scenario.html");
        setNumber("months", "3");
        assertThat(driver.findElement(By.id("dosing")).getDomProperty("value")).isEqualTo("pk");
        driver.findElement(By.id("run-treat")).click();
        waitFor(120).until(ExpectedConditions.visibilityOfElementLocated(By.id("best-response")));
        waitFor(10).until(d -> !d.findElements(By.cssSelector("#pk-plot canvas")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#effect-plot canvas"))).isNotEmpty();
        assertThat(driver.findElement(By.id("pk-info")).getText()).contains("trastuzumab_q3w");
        js("document.getElementById('treat-result').scrollIntoView()");
        shot("scenario-pk");
    }
}
