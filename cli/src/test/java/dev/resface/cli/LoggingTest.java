package dev.resface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/** What the command line's jar carries for logging. */
class LoggingTest {
    /** A provider of its own beside a cluster's made every spark-submit run warn of two. */
    @Test
    void theJarBringsNoSlf4jProvider() {
        assertThat(ServiceLoader.load(SLF4JServiceProvider.class).stream().map(p -> p.type().getName()))
                .isEmpty();
    }
}
