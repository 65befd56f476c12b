package io.tiktimer.devstack;

/** A parent process for {@link ParentWatchdogTest}: starts an S3 server, reports it, then waits to be killed. */
public final class OrphanProbe {

    private OrphanProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        S3Server server = S3Server.startEphemeral();
        System.out.println("child " + server.pid() + " " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
