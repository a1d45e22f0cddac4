package dev.resface.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A bounded queue of jobs and the worker threads that run them. Each worker opens its own {@code W} on its own thread
 * and is the only thread that ever uses it (a face finder and the models are not thread-safe), so jobs need no locks.
 *
 * <p>At most {@code workers + capacity} requests are admitted at once; beyond them a request gets 503. The server
 * admits a request once its body has arrived, so a slow upload never holds an admission (the upload slots of
 * {@link ClientLimits} bound the bodies in memory).
 *
 * @param <W> what one worker owns
 */
public final class EditQueue<W extends AutoCloseable> implements AutoCloseable {
    /** Every admission is taken. */
    public static final class Busy extends Exception {
        Busy() {
            super("busy", null, false, false);
        }
    }

    /**
     * Handed to every job: a long job calls it between its steps, and it throws {@link CancellationException} once
     * the request has timed out, so the worker turns to the next job instead of finishing work nobody waits for.
     */
    @FunctionalInterface
    public interface Stop {
        void ifTimedOut();
    }

    /** The job did not finish before the request's deadline; it stops at its next step, its result is dropped. */
    public static final class TimedOut extends Exception {
        TimedOut() {
            super("timed out", null, false, false);
        }
    }

    private final Semaphore admissions;
    private final BlockingQueue<Job<W, ?>> jobs = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ServerLog log;

    /**
     * Starts the workers and returns once each has opened its {@code W}; if one cannot, the others are stopped and
     * its exception is thrown here.
     */
    public EditQueue(int workers, int capacity, Supplier<W> open, ServerLog log) {
        this.admissions = new Semaphore(workers + capacity);
        this.log = log;
        CountDownLatch opened = new CountDownLatch(workers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 1; i <= workers; i++) {
            Thread t = new Thread(() -> work(open, opened, failure), "resface-edit-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            opened.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new IllegalStateException("interrupted while the workers started"));
        }
        Throwable f = failure.get();
        if (f != null) {
            close();
            if (f instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) f;
        }
    }

    /** Takes one admission, or throws {@link Busy} at once: a request never waits to be admitted. */
    public Ticket admit() throws Busy {
        if (!admissions.tryAcquire()) {
            throw new Busy();
        }
        return new Ticket(System.nanoTime());
    }

    /**
     * One admitted request. Close it in all cases: if no job was run, closing gives the admission back; once a job
     * is queued, the worker gives it back when the job ends (or is skipped, having timed out while queued), so a
     * request that gave up still counts while its job runs.
     */
    public final class Ticket implements AutoCloseable {
        private final long admitted;
        private boolean queued;

        private Ticket(long admitted) {
            this.admitted = admitted;
        }

        /**
         * Runs {@code work} on a worker and waits for it, at most until {@code timeout} after admission.
         *
         * @throws ExecutionException with what the job threw
         */
        public <T> T run(BiFunction<W, Stop, T> work, Duration timeout) throws TimedOut, ExecutionException,
                InterruptedException {
            if (queued) {
                throw new IllegalStateException("one job per ticket");
            }
            long left = timeout.toNanos() - (System.nanoTime() - admitted);
            if (left <= 0) {
                throw new TimedOut();
            }
            Job<W, T> job = new Job<>(work);
            queued = true;
            jobs.add(job);
            try {
                return job.result.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                job.result.cancel(false);
                throw new TimedOut();
            } catch (InterruptedException e) {
                job.result.cancel(false);
                throw e;
            }
        }

        @Override
        public void close() {
            if (!queued) {
                admissions.release();
            }
        }
    }

    private record Job<W, T>(BiFunction<W, Stop, T> work, CompletableFuture<T> result) {
        Job(BiFunction<W, Stop, T> work) {
            this(work, new CompletableFuture<>());
        }

        /** {@code done} runs before the caller wakes, so a client that sends its next request at once is admitted. */
        void runOn(W owned, Runnable done) {
            if (result.isDone()) {
                done.run();
                return;
            }
            T value = null;
            Throwable failure = null;
            try {
                value = work.apply(owned, () -> {
                    if (result.isCancelled()) {
                        throw new CancellationException("the request timed out");
                    }
                });
            } catch (Throwable t) {
                // Even an Error (out of memory on one huge photo) ends only this job: the worker keeps serving.
                failure = t;
            }
            done.run();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }
    }

    private void work(Supplier<W> open, CountDownLatch opened, AtomicReference<Throwable> failure) {
        W owned;
        try {
            owned = open.get();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            opened.countDown();
            return;
        }
        opened.countDown();
        try (W w = owned) {
            while (!Thread.currentThread().isInterrupted()) {
                jobs.take().runOn(w, admissions::release);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("closing a worker failed", e);
        }
    }

    /** Stops the workers; jobs still queued are never run. */
    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
