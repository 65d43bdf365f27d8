package org.xxgk;

import com.sun.jna.Pointer;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A native handle owned by one Java object (a {@link Report}, {@link Portal} or {@link Findings}
 * holds one): released by {@link #close()}, or by the shared {@link Cleaner} once it is unreachable. Every use holds a read or write lock, so that
 * the C library's rule — reads may run together, a write needs every other use of that handle
 * excluded — holds whatever the Java threads do, and a {@code close()} waits for the calls in
 * flight; a use after close is an {@link XxgkException} with {@link Status#MISUSE}.
 */
final class Handle {
    /** One cleaner thread for the whole package. */
    private static final Cleaner CLEANER = Cleaner.create();

    /** What the cleaner runs: frees the handle once. Holds no reference to the owner. */
    private static final class Release implements Runnable {
        private Pointer pointer;
        private final Consumer<Pointer> free;

        Release(Pointer pointer, Consumer<Pointer> free) {
            this.pointer = pointer;
            this.free = free;
        }

        @Override
        public void run() {
            Pointer p = pointer;
            pointer = null;
            if (p != null) free.accept(p);
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Release release;
    private final Cleaner.Cleanable cleanable;
    private final String what;

    Handle(Pointer pointer, Consumer<Pointer> free, String what) {
        this.release = new Release(pointer, free);
        this.cleanable = CLEANER.register(this, release);
        this.what = what;
    }

    /** Runs f on the handle under the read lock (functions taking a const handle). */
    final <T> T read(Function<Pointer, T> f) {
        return with(lock.readLock(), f);
    }

    /** Runs f on the handle under the write lock (functions modifying the handle). */
    final <T> T write(Function<Pointer, T> f) {
        return with(lock.writeLock(), f);
    }

    private <T> T with(Lock l, Function<Pointer, T> f) {
        l.lock();
        try {
            return f.apply(pointer());
        } finally {
            l.unlock();
            // The handle must not be cleaned while the native call runs: keep the owner alive to here.
            Reference.reachabilityFence(this);
        }
    }

    /** The live handle; call with a lock held. */
    private Pointer pointer() {
        Pointer p = release.pointer;
        if (p == null) throw new XxgkException(Status.MISUSE, "the " + what + " is closed");
        return p;
    }

    /**
     * Runs f on the handles of several objects, each under its read lock (taken in list order and
     * released in reverse; a writer only ever holds one lock, so this cannot deadlock).
     */
    static <T> T readAll(List<Handle> handles, Function<Pointer[], T> f) {
        Pointer[] pointers = new Pointer[handles.size()];
        int locked = 0;
        try {
            for (Handle h : handles) {
                h.lock.readLock().lock();
                ++locked;
                pointers[locked - 1] = h.pointer();
            }
            return f.apply(pointers);
        } finally {
            for (int i = locked - 1; i >= 0; --i) handles.get(i).lock.readLock().unlock();
            Reference.reachabilityFence(handles);
        }
    }

    /** Releases the native object now (waiting for calls in flight); closing twice is a no-op. */
    void close() {
        lock.writeLock().lock();
        try {
            cleanable.clean();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed() {
        lock.readLock().lock();
        try {
            return release.pointer == null;
        } finally {
            lock.readLock().unlock();
        }
    }
}
