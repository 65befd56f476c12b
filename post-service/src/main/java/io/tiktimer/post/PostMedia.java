package io.tiktimer.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** The media of a post, in order (a video post has one, a photo post up to 35). */
@Entity
@Table(name = "post_media")
@IdClass(PostMedia.Key.class)
public class PostMedia {
    @Id
    @Column(name = "post_id")
    public long postId;
    @Id
    public int position;
    @Column(name = "media_id", nullable = false)
    public long mediaId;

    public record Key(long postId, int position) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
