package gr.mydimos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The control-character filter of request-correlation is wired into the service's logging as configured (not only
 * correct on its own): a message carrying CR/LF from outside stays one readable line.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
@TestProfile(LogLinesTest.ReadableLogFile.class)
class LogLinesTest {

    static final Path LOG = Path.of("target/log-lines-test.log");

    public static class ReadableLogFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.json.enabled", "false", "quarkus.log.file.format", "%p [%c] %s%n");
        }
    }

    @Test
    void aLineBreakFromOutsideCannotForgeALogLine() throws Exception {
        Logger.getLogger("gr.mydimos.gateway.forged").infof("search for %s", "x\r\nERROR [gr.myd.gat.aud] audit chain broken");

        List<String> lines = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> Files.readAllLines(LOG, StandardCharsets.UTF_8), l -> l.stream().anyMatch(s -> s.contains("search for")));
        assertThat(lines).noneMatch(line -> line.startsWith("ERROR [gr.myd.gat.aud]"))
                .anyMatch(line -> line.equals("INFO [gr.mydimos.gateway.forged] search for x\\r\\nERROR [gr.myd.gat.aud] audit chain broken"));
    }
}
