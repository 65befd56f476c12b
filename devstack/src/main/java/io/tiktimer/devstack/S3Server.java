package io.tiktimer.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * An S3-compatible server (s3proxy with its filesystem store) in a child JVM. Buckets are directories under the data
 * directory, objects are files, so media survives restarts of the local run.
 */
public final class S3Server implements ChildProcess {

    public static final String ACCESS_KEY = "tiktimer";
    public static final String SECRET_KEY = "tiktimer-devstack-secret";
    public static final String REGION = "us-east-1";

    private final ChildJvm jvm;
    private final int port;
    private final Path dataDirectory;
    private final Path workDirectory;
    private final boolean deleteOnClose;

    private S3Server(ChildJvm jvm, int port, Path dataDirectory, Path workDirectory, boolean deleteOnClose) {
        this.jvm = jvm;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.workDirectory = workDirectory;
        this.deleteOnClose = deleteOnClose;
    }

    /** A throw-away server on a free port; its objects are deleted on close. */
    public static S3Server startEphemeral() {
        try {
            return start(Files.createTempDirectory("tiktimer-s3"), Ports.free(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * s3proxy's filesystem store answers anonymous requests for any bucket directory or object file that others may
     * read (it maps the POSIX "others" bits to a public-read ACL). Run under this umask, nothing it creates is public,
     * and every request needs credentials, as on AWS.
     */
    private static final String PRIVATE_UMASK = "027";

    /** Data written by an earlier run (before the umask, or by hand) loses the "others" bits too. */
    private static void makePrivate(Path data) {
        try (var tree = Files.walk(data)) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                var permissions = java.util.EnumSet.copyOf(Files.getPosixFilePermissions(path));
                if (permissions.removeAll(java.util.EnumSet.of(java.nio.file.attribute.PosixFilePermission.OTHERS_READ,
                        java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE,
                        java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE))) {
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make " + data + " private", e);
        }
    }

    /** A server whose objects survive restarts, for the local run. {@code port} 0 picks a free port. */
    public static S3Server startPersistent(Path workDirectory, int port) {
        return startPersistent(workDirectory, port, List.of());
    }

    /**
     * As {@link #startPersistent(Path, int)}, answering the CORS preflight of these web origins: the web app uploads
     * large files straight to S3 with a presigned PUT (POST /media/uploads), from the gateway's origin.
     */
    public static S3Server startPersistent(Path workDirectory, int port, List<String> browserOrigins) {
        return start(workDirectory, port > 0 ? port : Ports.free(), false, browserOrigins);
    }

    /** A throw-away server that lets these web origins PUT with a presigned URL. */
    public static S3Server startEphemeral(List<String> browserOrigins) {
        try {
            return start(Files.createTempDirectory("tiktimer-s3"), Ports.free(), true, browserOrigins);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static S3Server start(Path workDirectory, int port, boolean deleteOnClose) {
        return start(workDirectory, port, deleteOnClose, List.of());
    }

    private static S3Server start(Path workDirectory, int port, boolean deleteOnClose, List<String> browserOrigins) {
        Path data = workDirectory.resolve("data");
        Path config = workDirectory.resolve("s3proxy.conf");
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://" + Ports.LOOPBACK + ":" + port);
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", ACCESS_KEY);
        p.setProperty("s3proxy.credential", SECRET_KEY);
        if (!browserOrigins.isEmpty()) {
            // Only the listed origins, only what a presigned upload needs; the signature in the URL still decides.
            p.setProperty("s3proxy.cors-allow-origins", String.join(" ", browserOrigins));
            p.setProperty("s3proxy.cors-allow-methods", "PUT GET HEAD");
            p.setProperty("s3proxy.cors-allow-headers", "Content-Type");
            p.setProperty("s3proxy.cors-exposed-headers", "ETag");
        }
        p.setProperty("jclouds.provider", "filesystem-nio2");
        p.setProperty("jclouds.filesystem.basedir", data.toString());
        try {
            Files.createDirectories(data); // s3proxy 4 refuses to start when the base directory is missing
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "TikTimer devstack S3 server");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        makePrivate(data);
        ChildJvm jvm = ChildJvm.start("s3proxy", List.of(DevstackBuildInfo.s3ProxyJar().toString()),
                List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "org.gaul.s3proxy.Main", List.of("--properties", config.toString()), java.util.Map.of(),
                PRIVATE_UMASK, workDirectory.resolve("s3proxy.log"));
        try {
            Ports.awaitListening(port, Duration.ofSeconds(60), jvm::isAlive, "s3proxy");
        } catch (RuntimeException e) {
            String tail = jvm.logTail();
            jvm.close();
            throw new IllegalStateException(e.getMessage() + "\n" + tail, e);
        }
        return new S3Server(jvm, port, data, workDirectory, deleteOnClose);
    }

    /**
     * Creates a bucket if it does not exist. With the filesystem store a bucket is a directory, so no S3 client (and no
     * AWS SDK on devstack's classpath) is needed; production buckets are created by Terraform.
     */
    public S3Server createBucket(String bucket) {
        try {
            Path directory = Files.createDirectories(dataDirectory.resolve(bucket));
            makePrivate(directory);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public long pid() {
        return jvm.pid();
    }

    @Override
    public CompletableFuture<OptionalInt> onExit() {
        return jvm.onExit();
    }

    @Override
    public void close() {
        jvm.close();
        Ports.awaitClosed(port, Duration.ofSeconds(10));
        if (deleteOnClose) {
            Directories.deleteQuietly(workDirectory);
        }
    }
}
