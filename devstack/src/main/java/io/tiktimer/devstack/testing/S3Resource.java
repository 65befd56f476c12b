package io.tiktimer.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tiktimer.devstack.S3Server;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code @QuarkusTestResource(value = S3Resource.class, initArgs = @ResourceArg(name = "bucket", value = "..."))}:
 * a real S3-compatible server, with the named bucket created, wired into the Quarkus S3 client.
 */
public class S3Resource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET_ARG = "bucket";

    private String bucket;

    @Override
    public void init(Map<String, String> initArgs) {
        bucket = initArgs.get(BUCKET_ARG);
    }

    @Override
    public Map<String, String> start() {
        S3Server s3 = SharedInfrastructure.s3();
        if (bucket != null) {
            s3.createBucket(bucket);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.s3.endpoint-override", s3.endpoint());
        config.put("quarkus.s3.path-style-access", "true");
        config.put("quarkus.s3.aws.region", S3Server.REGION);
        config.put("quarkus.s3.aws.credentials.type", "static");
        config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", S3Server.ACCESS_KEY);
        config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", S3Server.SECRET_KEY);
        return config;
    }

    /** The port of this JVM's shared S3 server (started if it is not yet), for tests that address it by another name. */
    public static int port() {
        return SharedInfrastructure.s3().port();
    }

    @Override
    public void stop() {
        // shared by every test of this JVM; stopped at JVM exit
    }
}
