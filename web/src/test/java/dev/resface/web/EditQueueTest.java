package dev.resface.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue's promises: one owner per worker, a hard bound on admissions, deadlines, and a worker that survives. */
class EditQueueTest {
    static final Duration LONG = Duration.ofSeconds(30);
    final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    final ServerLog log = new ServerLog(new PrintStream(logged, true));
    final ExecutorService clients = Executors.newCachedThreadPool();

    /** What a worker owns: records the thread that opened it and whether it was closed. */
    static final class Owned implements AutoCloseable {
        final Thread opener = Thread.currentThread();
        volatile boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void jobsRunOnTheThreadThatOpenedWhatTheyUse() throws Exception {
        List<Owned> opened = new ArrayList<>();
        try (EditQueue<Owned> q = new EditQueue<>(1, 2, () -> {
            Owned o = new Owned();
            opened.add(o);
            return o;
        }, log)) {
            for (int i = 0; i < 3; i++) {
                try (var t = q.admit()) {
                    boolean ownedHere = t.run((o, stop) -> o.opener == Thread.currentThread() && !o.closed, LONG);
                    assertThat(ownedHere).isTrue();
                }
            }
        }
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).closed).isTrue();
    }

    @Test
    void admissionsAreBoundedByWorkersPlusCapacityAndComeBackWhenJobsEnd() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (EditQueue<Owned> q = new EditQueue<>(1, 2, Owned::new, log)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                var ticket = q.admit();
                answers.add(clients.submit(() -> {
                    try (ticket) {
                        return ticket.run((o, stop) -> {
                            started.countDown();
                            await(release);
                            return n;
                        }, LONG);
                    }
                }));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(q::admit).isInstanceOf(EditQueue.Busy.class);
            release.countDown();
            for (int i = 0; i < 3; i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
            // All three admissions are back: three more can be held at once, and a fourth cannot.
            var a = q.admit();
            var b = q.admit();
            var c = q.admit();
            assertThatThrownBy(q::admit).isInstanceOf(EditQueue.Busy.class);
            a.close();
            b.close();
            c.close();
            q.admit().close();
        }
    }

    @Test
    void aJobPastItsDeadlineTimesOutButHoldsItsAdmissionUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try (EditQueue<Owned> q = new EditQueue<>(1, 1, Owned::new, log)) {
            var slow = q.admit();
            assertThatThrownBy(() -> slow.run((o, stop) -> {
                ran.incrementAndGet();
                await(release);
                return 0;
            }, Duration.ofSeconds(1))).isInstanceOf(EditQueue.TimedOut.class);
            assertThat(ran).as("a worker takes a job well within a second").hasValue(1);
            slow.close();
            // Queued behind the slow job, this one's deadline passes before a worker is free: it never runs.
            var queued = q.admit();
            assertThatThrownBy(() -> queued.run((o, stop) -> ran.incrementAndGet(), Duration.ofMillis(50)))
                    .isInstanceOf(EditQueue.TimedOut.class);
            queued.close();
            assertThatThrownBy(q::admit).as("both admissions are held by jobs").isInstanceOf(EditQueue.Busy.class);
            release.countDown();
            try (var next = admitWithin(q, Duration.ofSeconds(10))) {
                String answer = next.run((o, stop) -> "free", LONG);
                assertThat(answer).isEqualTo("free");
            }
            assertThat(ran).hasValue(1);
        }
    }

    /** Before, a timed-out job ran on to its end: a photo that took minutes held the worker for minutes. */
    @Test
    void aTimedOutJobStopsAtItsNextStepAndFreesTheWorker() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        try (EditQueue<Owned> q = new EditQueue<>(1, 1, Owned::new, log)) {
            try (var endless = q.admit()) {
                assertThatThrownBy(() -> endless.run((o, stop) -> {
                    while (true) {
                        stop.ifTimedOut();
                        steps.incrementAndGet();
                        LockSupport.parkNanos(5_000_000);
                    }
                }, Duration.ofMillis(100))).isInstanceOf(EditQueue.TimedOut.class);
            }
            try (var next = admitWithin(q, Duration.ofSeconds(10))) {
                assertThat(next.<String>run((o, stop) -> "free", Duration.ofSeconds(1))).isEqualTo("free");
            }
            int after = steps.get();
            Thread.sleep(50);
            assertThat(steps).as("the endless job has stopped").hasValue(after);
            assertThat(after).isBetween(1, 100);
        }
    }

    @Test
    void aTicketClosedWithoutAJobGivesItsAdmissionBack() throws Exception {
        try (EditQueue<Owned> q = new EditQueue<>(1, 0, Owned::new, log)) {
            q.admit().close();
            try (var t = q.admit()) {
                assertThatThrownBy(q::admit).isInstanceOf(EditQueue.Busy.class);
            }
            q.admit().close();
        }
    }

    @Test
    void whatAJobThrowsReachesItsCallerAndTheWorkerKeepsServing() throws Exception {
        try (EditQueue<Owned> q = new EditQueue<>(1, 0, Owned::new, log)) {
            try (var t = q.admit()) {
                assertThatThrownBy(() -> t.run((o, stop) -> {
                    throw new ApiError(400, "bad photo");
                }, LONG)).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ApiError.class);
            }
            try (var t = q.admit()) {
                assertThatThrownBy(() -> t.run((o, stop) -> {
                    throw new OutOfMemoryError("one huge photo");
                }, LONG)).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(OutOfMemoryError.class);
            }
            try (var t = q.admit()) {
                int answer = t.run((o, stop) -> 42, LONG);
                assertThat(answer).isEqualTo(42);
            }
        }
    }

    @Test
    void aWorkerThatCannotOpenStopsTheQueueFromStarting() {
        List<Owned> opened = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> new EditQueue<>(2, 0, () -> {
            if (attempts.incrementAndGet() == 2) {
                throw new IllegalStateException("no model");
            }
            Owned o = new Owned();
            synchronized (opened) {
                opened.add(o);
            }
            return o;
        }, log)).hasMessage("no model");
        synchronized (opened) {
            assertThat(opened).allSatisfy(o -> assertThat(o.closed).isTrue());
        }
    }

    /** The worker gives an abandoned job's admission back when the job ends, on its own thread: wait for it. */
    static EditQueue<Owned>.Ticket admitWithin(EditQueue<Owned> q, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return q.admit();
            } catch (EditQueue.Busy e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
