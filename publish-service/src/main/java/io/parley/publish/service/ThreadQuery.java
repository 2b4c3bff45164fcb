package io.parley.publish.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.publish.config.PublishConfig;
import io.parley.publish.domain.PublishedComment;
import io.parley.publish.repository.PostThreadRepository;
import io.parley.publish.repository.PublishedCommentRepository;
import io.parley.publish.service.ThreadCache.ThreadState;
import io.parley.publish.rest.PageRequest;
import io.parley.publish.rest.ThreadView;
import io.parley.publish.rest.ThreadView.AuthorView;
import io.parley.publish.rest.ThreadView.CommentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the threaded view of a post: replies nested under their parents (oldest first) down to
 * the configured depth, top-level comments paged in the requested order.
 */
@ApplicationScoped
public class ThreadQuery {

    private static final Comparator<PublishedComment> OLDEST_FIRST =
            Comparator.comparing((PublishedComment c) -> c.submittedAt).thenComparing(c -> c.id);

    private final PublishedCommentRepository comments;
    private final PostThreadRepository threads;
    private final ThreadCache cache;
    private final ObjectMapper json;
    private final int maxDepth;

    public ThreadQuery(PublishedCommentRepository comments, PostThreadRepository threads, ThreadCache cache,
                       ObjectMapper json, PublishConfig config) {
        this.comments = comments;
        this.threads = threads;
        this.cache = cache;
        this.json = json;
        this.maxDepth = Math.max(1, config.maxDepth());
    }

    /** The post's thread version: 0 for a post without comments; changes whenever the thread may have. */
    public long version(String postId) {
        return state(postId).version();
    }

    /** The post's thread version and published-comment count; 0 and 0 for posts publish never heard of. */
    public ThreadState state(String postId) {
        return states(List.of(postId)).get(postId);
    }

    /** {@link #state} of several posts, with one query for those not cached. */
    public Map<String, ThreadState> states(Collection<String> postIds) {
        Map<String, ThreadState> found = new HashMap<>();
        Map<String, Long> missing = new HashMap<>();
        for (String postId : postIds) {
            long seen = cache.generation(postId);
            ThreadState cached = cache.state(postId);
            if (cached != null) {
                found.put(postId, cached);
            } else {
                missing.put(postId, seen);
            }
        }
        if (!missing.isEmpty()) {
            found.putAll(loadAndStore(missing));
        }
        return found;
    }

    /** Reads the posts' states from the database and caches each unless its stripe changed since {@code seen}. */
    private Map<String, ThreadState> loadAndStore(Map<String, Long> seenGenerations) {
        Map<String, ThreadState> loaded = load(seenGenerations.keySet());
        Map<String, ThreadState> found = new HashMap<>();
        seenGenerations.forEach((postId, seen) -> {
            ThreadState state = loaded.getOrDefault(postId, ThreadState.NONE);
            cache.storeState(postId, state, seen);
            found.put(postId, state);
        });
        return found;
    }

    /**
     * What the cache alone knows of a page: the thread's state and, under its version, the page's JSON;
     * either may be null. A reader that finds both never needs the database, nor a worker thread.
     */
    public record Cached(ThreadState state, byte[] json) {
    }

    public Cached cached(String postId, PageRequest request) {
        ThreadState state = cache.state(postId);
        return new Cached(state, state == null ? null : cache.page(postId, state.version(), request.variant()));
    }

    /** The version for a read whose cache lookup gave {@code cached}: from the database when it missed. */
    public long version(String postId, Cached cached) {
        return cached.state() != null ? cached.state().version()
                : loadAndStore(Map.of(postId, cache.generation(postId))).get(postId).version();
    }

    /**
     * A page as JSON, as {@link #page} would be serialized, kept under the thread version the caller
     * read before: comments read now are never older than that version, and the version's pages are
     * not looked at any more once a change to the thread is heard.
     */
    public byte[] pageJson(String postId, long version, PageRequest request) {
        byte[] cached = cache.page(postId, version, request.variant());
        return cached != null ? cached : freshPageJson(postId, version, request);
    }

    /** {@link #pageJson} without the cache lookup, for a caller whose lookup just missed. */
    public byte[] freshPageJson(String postId, long version, PageRequest request) {
        long seen = cache.generation(postId);
        byte[] page;
        try {
            page = json.writeValueAsBytes(page(postId, request.order(), request.limit(), request.cursor()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a thread page could not be written as JSON", e);
        }
        cache.storePage(postId, version, request.variant(), page, seen);
        return page;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Map<String, ThreadState> load(Collection<String> postIds) {
        Map<String, ThreadState> found = new HashMap<>();
        threads.findAll(postIds).forEach(thread -> found.put(thread.postId, new ThreadState(thread.version, thread.count)));
        return found;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ThreadView page(String postId, ThreadOrder order, int limit, ThreadCursor after) {
        List<PublishedComment> shown = comments.shownInThread(postId);
        long count = shown.stream().filter(comment -> comment.visible).count();
        List<Node> topLevel = tree(shown);
        Comparator<Node> topOrder = order.apply(Comparator.comparing(node -> node.comment, OLDEST_FIRST));
        topLevel.sort(topOrder);

        int start = 0;
        if (after != null) {
            PublishedComment marker = new PublishedComment();
            marker.submittedAt = after.submittedAt();
            marker.id = after.id();
            Node markerNode = new Node(marker);
            while (start < topLevel.size() && topOrder.compare(topLevel.get(start), markerNode) <= 0) {
                start++;
            }
        }
        int end = Math.min(topLevel.size(), start + limit);
        List<CommentView> views = new ArrayList<>(end - start);
        for (Node node : topLevel.subList(start, end)) {
            views.add(view(node, 1));
        }
        String next = null;
        if (end < topLevel.size()) {
            PublishedComment last = topLevel.get(end - 1).comment;
            next = new ThreadCursor(order, last.submittedAt, last.id).encode();
        }
        return new ThreadView(postId, count, order.wireName(), views, next);
    }

    /**
     * Links comments to their parents; a reply whose parent was never published is shown at the top
     * level rather than lost. Removed comments stay only as long as something below them is visible.
     */
    private static List<Node> tree(List<PublishedComment> shown) {
        Map<UUID, Node> byId = new LinkedHashMap<>();
        shown.forEach(comment -> byId.put(comment.id, new Node(comment)));
        List<Node> topLevel = new ArrayList<>();
        for (Node node : byId.values()) {
            Node parent = node.comment.parentId == null ? null : byId.get(node.comment.parentId);
            if (parent != null && parent != node) {
                parent.children.add(node);
            } else {
                topLevel.add(node);
            }
        }
        topLevel.removeIf(node -> !node.prune());
        return topLevel;
    }

    private CommentView view(Node node, int depth) {
        List<CommentView> replies = new ArrayList<>();
        if (depth < maxDepth) {
            node.children.forEach(child -> replies.add(view(child, depth + 1)));
        } else {
            // The deepest level shown: everything further down is listed flat, oldest first.
            List<Node> descendants = new ArrayList<>();
            node.children.forEach(child -> child.collectInto(descendants));
            descendants.sort(Comparator.comparing(n -> n.comment, OLDEST_FIRST));
            descendants.forEach(descendant -> replies.add(leaf(descendant.comment)));
        }
        return of(node.comment, replies);
    }

    private static CommentView leaf(PublishedComment comment) {
        return of(comment, List.of());
    }

    private static CommentView of(PublishedComment comment, List<CommentView> replies) {
        if (comment.isRemoved()) {
            return new CommentView(comment.id, comment.parentId, true, null, null, comment.submittedAt, null, replies);
        }
        return new CommentView(comment.id, comment.parentId, false,
                new AuthorView(comment.authorName, comment.authorUrl), comment.html, comment.submittedAt,
                comment.editedAt, replies);
    }

    private static final class Node {
        final PublishedComment comment;
        final List<Node> children = new ArrayList<>();

        Node(PublishedComment comment) {
            this.comment = comment;
        }

        /** Drops removed subtrees with nothing visible in them; true when this node stays. */
        boolean prune() {
            children.removeIf(child -> !child.prune());
            return comment.visible || !children.isEmpty();
        }

        void collectInto(List<Node> into) {
            into.add(this);
            children.forEach(child -> child.collectInto(into));
        }
    }
}
