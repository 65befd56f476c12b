package io.tiktimer.post.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tiktimer.post.PostMedia;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class PostMediaRepository implements PanacheRepository<PostMedia> {

    public List<Long> mediaIdsOf(long postId) {
        return find("postId = ?1 order by position", postId).stream().map(pm -> pm.mediaId).toList();
    }

    /** Media ids per post, each list in position order; posts without media are absent. */
    public Map<Long, List<Long>> mediaIdsOf(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        // ids only: the listing needs no managed PostMedia entities
        return getEntityManager().createQuery("select pm.postId, pm.mediaId from PostMedia pm where pm.postId in :ids "
                        + "order by pm.postId, pm.position", Object[].class)
                .setParameter("ids", postIds).getResultStream()
                .collect(Collectors.groupingBy(row -> (Long) row[0], Collectors.mapping(row -> (Long) row[1],
                        Collectors.toList())));
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
