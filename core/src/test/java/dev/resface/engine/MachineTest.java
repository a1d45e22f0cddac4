package dev.resface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineTest {
    @Test
    void kernelsFollowTheCpuFlagsAsAtenDispatches() {
        assertThat(Machine.kernels("fpu sse4_2 avx avx2 fma avx512f avx512dq avx512bw avx512vl")).isEqualTo("AVX512");
        // Zen 3: AVX2, no AVX-512
        assertThat(Machine.kernels("fpu sse4_2 avx avx2 fma bmi2")).isEqualTo("AVX2");
        // AVX-512 F alone is not enough for ATen's AVX512 kernels
        assertThat(Machine.kernels("avx2 fma avx512f")).isEqualTo("AVX2");
        assertThat(Machine.kernels("fpu sse4_2 avx")).isEqualTo("DEFAULT");
    }

    @Test
    void theMachineLineNamesCpuThreadsAndLibtorchBuild() {
        Machine m = Machine.current();
        assertThat(m.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(m.intraOpThreads()).isEqualTo(Torch.intraOpThreads()).isPositive();
        assertThat(m.libtorch()).startsWith("2.7.1");
        assertThat(m.line()).contains(m.cpu()).contains(m.intraOpThreads() + " intra-op threads")
                .contains("libtorch " + m.libtorch()).contains(m.kernels() + " kernels");
    }
}
