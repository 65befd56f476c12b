package io.tiktimer.post.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tiktimer.post.PostMedia;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class PostMediaRepository implements PanacheRepository<PostMedia> {

    public List<Long> mediaIdsOf(long postId) {
        return find("postId = ?1 order by position", postId).stream().map(pm -> pm.mediaId).toList();
    }

    /**
     * Media ids per post, each list in position order; posts without media are absent. Native SQL with one array
     * parameter: Hibernate translates an HQL {@code in :ids} afresh for every list length (the SQL depends on it),
     * which cost the listing more CPU than the query itself. {@code = any(?)} is one statement for any page and uses
     * the primary key all the same. The scalars are declared so that Hibernate need not read the result set's
     * metadata on every call.
     */
    public Map<Long, List<Long>> mediaIdsOf(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().unwrap(Session.class).createNativeQuery("select post_id, media_id "
                        + "from post_media where post_id = any(?1) order by post_id, position", Object[].class)
                .addScalar("post_id", Long.class).addScalar("media_id", Long.class)
                .setParameter(1, postIds.toArray(Long[]::new)).getResultList();
        Map<Long, List<Long>> byPost = new HashMap<>();
        for (Object[] row : rows) {
            byPost.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Long) row[1]);
        }
        return byPost;
    }

    public void replace(long postId, List<Long> mediaIds) {
        delete("postId", postId);
        getEntityManager().flush();
        attach(postId, mediaIds);
    }

    /** Links media to a post that has none yet, in the given order. */
    public void attach(long postId, List<Long> mediaIds) {
        for (int i = 0; i < mediaIds.size(); i++) {
            PostMedia pm = new PostMedia();
            pm.postId = postId;
            pm.position = i;
            pm.mediaId = mediaIds.get(i);
            persist(pm);
        }
    }
}
