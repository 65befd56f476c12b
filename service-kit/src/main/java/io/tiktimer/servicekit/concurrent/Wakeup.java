package io.tiktimer.servicekit.concurrent;

/** A level-triggered wake-up for a worker thread: a signal given while it is busy is not lost. */
public final class Wakeup {
    private boolean signalled;

    public synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Waits up to {@code millis} unless a signal is pending; clears the signal. */
    public synchronized void await(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!signalled) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        signalled = false;
    }
}
