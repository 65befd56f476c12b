package io.tiktimer.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiktimer.devstack.testing.TestVideos;
import io.tiktimer.sandbox.ConsentDecision;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.TikTokSandbox;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The people's side of a run: users with connected sandbox creators, media of several sizes (two videos large enough
 * for a chunked upload), posts due over the window (videos, photos, inbox shares), and calls racing the dispatcher
 * at each post's due time: edits, deletions, reschedules and publish-now. Every answer goes into the post's
 * {@link PlannedPost#calls}; a lost answer is never taken for either outcome.
 */
final class Workload implements AutoCloseable {

    /** Shares of the posts that get a racing call, in this order of the draw. */
    private static final double EDIT = 0.08;
    private static final double DELETE = 0.05;
    private static final double PUBLISH_NOW = 0.05;
    private static final double RESCHEDULE = 0.03;

    private final ChaosSettings settings;
    private final ChaosStack stack;
    private final Consumer<String> log;
    private final Random random;
    private final List<Person> people = new ArrayList<>();
    private final List<PlannedPost> posts = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(6);
    private final ScheduledExecutorService racing = Executors.newScheduledThreadPool(6);
    private final List<Future<?>> pendingCalls = new ArrayList<>();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger creationsAfterLostAnswer = new AtomicInteger();

    Workload(ChaosSettings settings, ChaosStack stack, Consumer<String> log) {
        this.settings = settings;
        this.stack = stack;
        this.log = log;
        this.random = new Random(settings.seed());
    }

    List<PlannedPost> posts() {
        return posts;
    }

    /** Users, connected accounts and their media; before any fault. */
    void prepare() throws Exception {
        TikTokSandbox sandbox = stack.sandbox();
        for (int i = 0; i < settings.accounts(); i++) {
            String openId = "chaos-" + settings.seed() + "-creator-" + i;
            SandboxCreator creator = new SandboxCreator(openId, "chaos.creator." + i);
            if (!settings.realCaps()) {
                creator.dailyPostCap(ChaosStack.RAISED_DAILY_CAP);
            }
            sandbox.registerCreator(creator);
            String postService = i % 2 == 0 ? stack.gateway() : stack.url("post-service-2");
            people.add(new Person("chaos_" + settings.seed() + "_" + i, openId, stack.gateway(), postService));
        }
        runAll(people.stream().map(p -> (Runnable) () -> {
            p.register();
            connect(p);
        }).toList());
        log.accept(people.size() + " users signed up, each with a connected sandbox creator");
    }

    private void connect(Person person) {
        String tiktokService = stack.url("tiktok-service");
        Http.Answer authorize = person.callRepeatable(token -> HttpRequest.newBuilder(
                URI.create(tiktokService + "/api/v1/auth/tiktok/authorize")).header("Authorization", "Bearer " + token)
                .GET(), Duration.ofMinutes(1));
        if (authorize.status() != 200) {
            throw new IllegalStateException("authorize: " + authorize.status() + " " + authorize.abbreviated());
        }
        URI callback = stack.sandbox().authorize(authorize.json().path("authorization_url").asText(),
                ConsentDecision.approveAs(person.openId));
        Http.Answer page = person.http.send(HttpRequest.newBuilder(callback).GET());
        if (page.status() != 200 || !page.body().contains("TikTok account connected")) {
            throw new IllegalStateException("the callback did not connect " + person.openId + ": " + page.status());
        }
        Http.Answer accounts = person.callRepeatable(token -> HttpRequest.newBuilder(
                URI.create(person.gateway() + "/api/v1/tiktok/accounts")).header("Authorization", "Bearer " + token)
                .GET(), Duration.ofMinutes(1));
        for (JsonNode account : accounts.json()) {
            if (person.openId.equals(account.path("open_id").asText())) {
                person.accountId = account.path("id").asLong();
                return;
            }
        }
        throw new IllegalStateException(person.openId + " is not among the user's accounts");
    }

    /**
     * Plans every post (kind, account, due time) and uploads the media it needs: per person one video, and one photo
     * when any of their posts is a photo post. Then creates the posts, due from {@code windowStart}.
     */
    void createPosts(Instant windowStart) throws Exception {
        long windowMillis = settings.dueWindow().toMillis();
        for (int n = 0; n < settings.posts(); n++) {
            Person owner = people.get(n % people.size());
            int slot = (n / people.size()) % ChaosSettings.POSTS_PER_ACCOUNT_AT_REAL_CAPS;
            PlannedPost.Kind kind = slot < 2 ? PlannedPost.Kind.INBOX_VIDEO
                    : slot < 4 ? PlannedPost.Kind.PHOTO : PlannedPost.Kind.VIDEO;
            Instant due = windowStart.plusMillis(windowMillis * n / settings.posts());
            posts.add(new PlannedPost(n, settings.seed(), kind, owner, due));
        }
        List<Runnable> uploads = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            // 70 MB goes to TikTok in seven chunks; the long run gives it to one account only, or it would move
            // tens of gigabytes through a 2-core machine and measure the disk rather than TikTimer
            boolean large = settings.realCaps() ? i % 10 == 3 : i == 3;
            long size = large ? 70_000_000L : i % 3 == 0 ? 8_000_000L : 1_500_000L;
            List<PlannedPost> own = posts.stream().filter(p -> p.owner == person).toList();
            uploads.add(() -> {
                JsonNode video = uploadVideo(person, size);
                JsonNode photo = own.stream().anyMatch(p -> p.kind == PlannedPost.Kind.PHOTO) ? uploadPhoto(person)
                        : null;
                for (PlannedPost post : own) {
                    JsonNode media = post.kind == PlannedPost.Kind.PHOTO ? photo : video;
                    post.mediaId = media.path("id").asLong();
                    post.mediaSha256 = media.path("sha256").asText();
                }
            });
        }
        runAll(uploads);
        log.accept("media uploaded (videos of 1.5, 8 and 70 MB, JPEG photos)");
        runAll(posts.stream().map(p -> (Runnable) () -> create(p)).toList());
        log.accept(posts.size() + " posts created, due from " + windowStart + " over " + settings.dueWindow());
    }

    private JsonNode uploadVideo(Person person, long size) {
        TestVideos.Mp4 mp4 = TestVideos.mp4(size, 6);
        return upload(person, "clip.mp4", "video/mp4", size, mp4::stream);
    }

    private JsonNode uploadPhoto(Person person) {
        byte[] jpeg = jpeg(person.username.hashCode());
        return upload(person, "photo.jpg", "image/jpeg", jpeg.length, () -> new ByteArrayInputStream(jpeg));
    }

    /** A lost answer to an upload only leaves an unused file in the media library: uploading again is safe. */
    private JsonNode upload(Person person, String filename, String type, long size,
                            java.util.function.Supplier<InputStream> body) {
        URI uri = URI.create(person.postServiceUrl + "/media?filename=" + filename);
        for (int tries = 0; tries < 20; tries++) {
            Http.Answer answer = person.http.upload(uri, person.token(), type, size, body);
            if (answer.status() == 401) {
                person.signIn();
                continue;
            }
            if (answer.status() == 201) {
                return answer.json();
            }
            if (!answer.refusedBeforeActing() && !answer.unknownOutcome()) {
                throw new IllegalStateException("upload " + filename + ": " + answer.status() + " "
                        + answer.abbreviated());
            }
            Http.sleep(1000);
        }
        throw new IllegalStateException("upload " + filename + " never succeeded");
    }

    private static byte[] jpeg(int seed) {
        BufferedImage image = new BufferedImage(720, 1280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed & 0xFFFFFF));
        g.fillRect(0, 0, 720, 1280);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Creates a post. A lost answer may mean it was stored: the person looks it up by its marker before trying again,
     * as a client must to avoid a second post.
     */
    private void create(PlannedPost post) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("content", post.firstContent);
        body.put("scheduled_time", post.due.toString());
        body.put("tiktok_account_id", post.owner.accountId);
        body.putArray("media_ids").add(post.mediaId);
        body.put("mode", post.kind.mode());
        if (post.kind != PlannedPost.Kind.INBOX_VIDEO) {
            body.put("privacy_level", "SELF_ONLY");
        }
        if (post.kind == PlannedPost.Kind.PHOTO) {
            body.put("title", post.marker + " photo");
        }
        for (int tries = 0; tries < 40; tries++) {
            Http.Answer answer = post.owner.call(token -> json(post.owner.postServiceUrl + "/posts", token)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            if (answer.status() == 201) {
                post.id = answer.json().path("id").asLong();
                return;
            }
            if (answer.unknownOutcome()) {
                noteServerError(answer);
                Http.sleep(2000);
                Long found = findByMarker(post);
                if (found != null) {
                    creationsAfterLostAnswer.incrementAndGet();
                    post.id = found;
                    return;
                }
            } else if (!answer.refusedBeforeActing()) {
                throw new IllegalStateException("creating " + post + ": " + answer.status() + " "
                        + answer.abbreviated());
            }
            Http.sleep(1000);
        }
        throw new IllegalStateException("creating " + post + " never succeeded");
    }

    private Long findByMarker(PlannedPost post) {
        for (int page = 0; ; page++) {
            int p = page;
            Http.Answer answer = post.owner.callRepeatable(token -> json(post.owner.postServiceUrl
                    + "/posts?size=100&page=" + p, token).GET(), Duration.ofMinutes(2));
            if (answer.status() != 200) {
                throw new IllegalStateException("listing posts: " + answer.status() + " " + answer.abbreviated());
            }
            JsonNode list = answer.json();
            JsonNode items = list.isArray() ? list : list.path("posts");
            for (JsonNode item : items) {
                Integer number = PlannedPost.numberIn(item.path("content").asText(), settings.seed());
                if (number != null && number == post.number) {
                    return item.path("id").asLong();
                }
            }
            if (items.size() < 100) {
                return null;
            }
        }
    }

    /**
     * Schedules each racing call within 1.5 s either side of its post's due time, when the dispatcher may or may not
     * have claimed it: the service must either apply the call before the post leaves or refuse it (409).
     */
    void scheduleRacingCalls() {
        Instant now = Instant.now();
        for (PlannedPost post : posts) {
            double draw = random.nextDouble();
            long jitter = (long) (random.nextDouble() * 3000) - 1500;
            if (draw < EDIT) {
                at(post.due.plusMillis(jitter), now, () -> edit(post));
            } else if (draw < EDIT + DELETE) {
                at(post.due.plusMillis(jitter), now, () -> delete(post));
            } else if (draw < EDIT + DELETE + PUBLISH_NOW) {
                at(post.due.minusSeconds(5 + random.nextInt(25)), now, () -> publishNow(post));
            } else if (draw < EDIT + DELETE + PUBLISH_NOW + RESCHEDULE) {
                int later = 10 + random.nextInt(20);
                at(post.due.plusMillis(jitter), now, () -> reschedule(post, later));
            }
        }
    }

    private void at(Instant when, Instant now, Runnable call) {
        long delay = Math.max(0, Duration.between(now, when).toMillis());
        synchronized (pendingCalls) {
            pendingCalls.add(racing.schedule(call, delay, TimeUnit.MILLISECONDS));
        }
    }

    private void edit(PlannedPost post) {
        String content = post.marker + " edited at " + Instant.now() + " for " + post.owner.openId;
        ObjectNode body = Http.JSON.createObjectNode().put("content", content);
        if (post.kind == PlannedPost.Kind.PHOTO) {
            body.put("title", post.marker + " photo, edited");
        }
        Http.Answer answer = sendOnce(post, token -> json(url(post), token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
        post.record("edit", answer.status(), post.kind == PlannedPost.Kind.PHOTO ? body.path("title").asText()
                : content);
    }

    private void delete(PlannedPost post) {
        Http.Answer answer = sendOnce(post, token -> json(url(post), token).DELETE());
        post.record("delete", answer.status(), null);
    }

    private void reschedule(PlannedPost post, int secondsLater) {
        ObjectNode body = Http.JSON.createObjectNode()
                .put("scheduled_time", post.due.plusSeconds(secondsLater).toString());
        Http.Answer answer = sendOnce(post, token -> json(url(post), token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
        post.record("reschedule", answer.status(), null);
    }

    private void publishNow(PlannedPost post) {
        Http.Answer answer = sendOnce(post, token -> json(post.owner.postServiceUrl + "/api/v1/tiktok/posts/"
                + post.id + "/publish", token).POST(HttpRequest.BodyPublishers.noBody()));
        post.record("publish-now", answer.status(), null);
    }

    /**
     * One racing call, repeated only while it certainly had no effect (the service was not reached, or refused
     * before acting); a lost answer is recorded as such.
     */
    private Http.Answer sendOnce(PlannedPost post, java.util.function.Function<String, HttpRequest.Builder> request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Http.Answer answer;
        do {
            answer = post.owner.call(request);
            if (!answer.refusedBeforeActing()) {
                break;
            }
            Http.sleep(500);
        } while (System.nanoTime() < deadline);
        noteServerError(answer);
        return answer;
    }

    private void noteServerError(Http.Answer answer) {
        if (answer.status() == 500) {
            serverErrors.incrementAndGet();
            log.accept("a 500 answer: " + answer.abbreviated());
        }
    }

    /** Waits for every racing call to have had its answer. */
    void awaitRacingCalls() throws Exception {
        List<Future<?>> calls;
        synchronized (pendingCalls) {
            calls = List.copyOf(pendingCalls);
        }
        for (Future<?> call : calls) {
            call.get(10, TimeUnit.MINUTES);
        }
    }

    private static String url(PlannedPost post) {
        return post.owner.postServiceUrl + "/posts/" + post.id;
    }

    private static HttpRequest.Builder json(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private void runAll(List<Runnable> tasks) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable task : tasks) {
            futures.add(pool.submit(task));
        }
        for (Future<?> future : futures) {
            future.get(20, TimeUnit.MINUTES);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        racing.shutdownNow();
    }
}
