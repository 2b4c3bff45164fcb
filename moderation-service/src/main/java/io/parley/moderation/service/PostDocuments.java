package io.parley.moderation.service;

import io.parley.moderation.domain.Post;
import io.parley.moderation.engine.signal.Relevance;
import io.parley.moderation.repository.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts' texts prepared for the relevance signal, kept between batches. Every comment on a post is
 * compared with the same text; reading and preparing an 8 KB post took longer than judging the comment.
 * An entry holds as long as the post's {@code updated_at} is unchanged (ingest stamps every update);
 * the least recently used posts are dropped once the entries hold {@link #MAX_TERMS} terms in all.
 */
@ApplicationScoped
public class PostDocuments {

    /** 16 bytes a term: at most 4 MB of heap, room for about 500 long posts or thousands of short ones. */
    static final int MAX_TERMS = 1 << 18;

    private final PostRepository posts;
    private final Relevance relevance;
    private final long maxTerms;
    private final LinkedHashMap<String, Prepared> prepared = new LinkedHashMap<>(256, 0.75f, true);
    private long terms;

    @Inject
    public PostDocuments(PostRepository posts, EngineProvider engines) {
        this(posts, engines, MAX_TERMS);
    }

    PostDocuments(PostRepository posts, EngineProvider engines, long maxTerms) {
        this.posts = posts;
        this.relevance = engines.relevance();
        this.maxTerms = maxTerms;
    }

    /** The prepared text of each registered post among these; unregistered posts are absent. In a transaction. */
    public Map<String, Relevance.Document> of(Collection<String> postIds) {
        Map<String, Instant> current = posts.updatedAt(postIds);
        Map<String, Relevance.Document> documents = new HashMap<>();
        List<String> stale = new ArrayList<>();
        synchronized (this) {
            current.forEach((postId, updatedAt) -> {
                Prepared known = prepared.get(postId);
                if (known != null && known.updatedAt().equals(updatedAt)) {
                    documents.put(postId, known.document());
                } else {
                    stale.add(postId);
                }
            });
        }
        for (Post post : posts.findAllById(stale).values()) {
            Relevance.Document document = relevance.document(post.relevanceText());
            documents.put(post.id, document);
            keep(post.id, new Prepared(post.updatedAt, document));
        }
        return documents;
    }

    private synchronized void keep(String postId, Prepared entry) {
        Prepared replaced = prepared.put(postId, entry);
        terms += entry.document().size() - (replaced == null ? 0 : replaced.document().size());
        Iterator<Prepared> eldest = prepared.values().iterator();
        while (terms > maxTerms && eldest.hasNext()) {
            terms -= eldest.next().document().size();
            eldest.remove();
        }
    }

    private record Prepared(Instant updatedAt, Relevance.Document document) {
    }
}
