package dev.resface.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits that cannot hold are refused when the server is configured, with the option named. */
class ServeConfigTest {
    @Test
    void aPixelLimitPastEveryFrontEndsIsRefused() {
        // 1,000 megapixels would be 3e9 values in one photo's array, past what a Java array holds.
        ServeConfig d = ServeConfig.defaults();
        assertThatThrownBy(() -> new ServeConfig(d.host(), d.port(), d.maxUploadBytes(), 1_000_000_000L,
                d.queueCapacity(), d.workers(), d.requestTimeout(), d.maxRunsPerEdit(), d.clients()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("1 to 100 megapixels");
    }

    @Test
    void fewerUploadSlotsThanAdmissionsAreRefused() {
        ClientLimits four = new ClientLimits(32, 16 << 10, 4, List.of(), List.of());
        assertThatThrownBy(() -> ServeConfig.defaults().withClients(four)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("uploads at once (4) must be at least the workers plus the queue (5)");
        assertThatThrownBy(() -> new ClientLimits(0, 1, 5, List.of(), List.of())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least one connection");
        assertThatThrownBy(() -> new ClientLimits(1, -1, 5, List.of(), List.of())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("minimum upload rate");
    }
}
