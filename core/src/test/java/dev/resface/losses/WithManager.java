package dev.resface.losses;

import ai.djl.ndarray.NDManager;
import dev.resface.engine.Torch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh NDManager per test, closed after it, for tests that build small tensors by hand. */
abstract class WithManager {
    NDManager m;

    @BeforeEach
    void open() {
        m = Torch.newManager();
    }

    @AfterEach
    void close() {
        m.close();
    }
}
