package io.parley.publish.service;

import io.parley.publish.domain.PublishedComment;
import io.parley.publish.repository.PublishedCommentRepository;
import io.parley.publish.rest.ThreadView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the threaded view of a post: replies nested under their parents, oldest first. */
@ApplicationScoped
public class ThreadQuery {

    private final PublishedCommentRepository comments;

    public ThreadQuery(PublishedCommentRepository comments) {
        this.comments = comments;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ThreadView thread(String postId) {
        List<PublishedComment> visible = comments.visibleInThread(postId);
        Map<UUID, List<ThreadView.CommentView>> repliesByParent = new HashMap<>();
        Map<UUID, ThreadView.CommentView> byId = new HashMap<>();
        for (PublishedComment comment : visible) {
            List<ThreadView.CommentView> replies = repliesByParent.computeIfAbsent(comment.id, id -> new ArrayList<>());
            byId.put(comment.id, ThreadView.CommentView.of(comment, replies));
        }
        List<ThreadView.CommentView> topLevel = new ArrayList<>();
        for (PublishedComment comment : visible) {
            ThreadView.CommentView view = byId.get(comment.id);
            // A reply whose parent is not visible (yet) is shown at the top level rather than lost.
            if (comment.parentId != null && byId.containsKey(comment.parentId)) {
                repliesByParent.get(comment.parentId).add(view);
            } else {
                topLevel.add(view);
            }
        }
        return new ThreadView(postId, visible.size(), topLevel);
    }
}
