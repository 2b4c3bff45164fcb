package io.parley.publish.repository;

import io.parley.publish.domain.PublishedComment;
import io.parley.support.persistence.EntitiesById;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PublishedCommentRepository implements PanacheRepositoryBase<PublishedComment, UUID> {

    public Map<UUID, PublishedComment> findAllById(Collection<UUID> ids) {
        return EntitiesById.load(getSession(), PublishedComment.class, ids, c -> c.id);
    }

    /** Every comment of a post readers see or saw (removed ones may stand as placeholders), oldest first. */
    public List<PublishedComment> shownInThread(String postId) {
        return list("postId = ?1 and wasPublished = true order by submittedAt, id", postId);
    }
}
