package io.parley.moderation.service;

import io.parley.events.Outcome;
import io.parley.moderation.domain.DecisionRecord;
import io.parley.moderation.domain.ModeratedComment;
import io.parley.moderation.domain.ModeratorAudit;
import io.parley.moderation.domain.Post;
import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.repository.DecisionRecordRepository;
import io.parley.moderation.repository.ModeratedCommentRepository;
import io.parley.moderation.repository.ModeratorAuditRepository;
import io.parley.moderation.repository.PostRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What moderators read: the queue, one comment with everything behind its decision, and statistics. */
@ApplicationScoped
public class ModerationViews {

    public static final int MAX_LIMIT = 100;

    /** Queue filters; null means any. */
    public record QueueQuery(Outcome status, String postId, String label, UUID campaign, String cursor, int limit) {
    }

    /** Why the engine decided as it did: its newest automatic decision about the comment. */
    public record Judgement(Outcome outcome, Map<String, Double> scores, List<String> reasons, List<String> rules,
                            Integer modelVersion, Instant decidedAt) {

        static Judgement of(DecisionRecord d) {
            return d == null ? null : new Judgement(d.outcome, d.scores, d.reasons, d.rules, d.modelVersion,
                    d.decidedAt);
        }
    }

    public record QueueItem(UUID id, String postId, String authorName, String body, Outcome outcome,
                            Instant submittedAt, long version, UUID campaignId, Judgement judgement) {
    }

    public record QueuePage(List<QueueItem> items, String nextCursor) {
    }

    public record PostInfo(String id, String title, String url) {
    }

    public record Author(String name, String email, String url, String authorKey, String clientFingerprint) {
    }

    public record HistoryEntry(long version, Outcome outcome, String decidedBy, Instant decidedAt, String reason,
                               Outcome from, Integer modelVersion) {
    }

    public record NearDuplicate(UUID id, String postId, String authorName, Outcome outcome, String body) {
    }

    public record CampaignInfo(UUID id, int comments, int posts, boolean campaign) {
    }

    public record CommentDetail(UUID id, String postId, UUID parentId, String body, Author author, PostInfo post,
                                Outcome outcome, long version, Instant submittedAt, Judgement judgement,
                                List<HistoryEntry> history, CampaignInfo campaign, List<NearDuplicate> nearDuplicates) {
    }

    public record QueueAge(long pending, Instant oldestSubmittedAt, Long oldestAgeSeconds) {
    }

    public record ModeratorActivity(long decisions, long reviewedPending, long overturned, double overturnRate) {
    }

    public record Stats(Instant since, Map<String, Long> volumesByOutcome, Map<String, Long> automaticByRule,
                        QueueAge queue, ModeratorActivity moderators) {
    }

    private static final int NEAR_DUPLICATES = 20;

    private final EntityManager em;
    private final ModeratedCommentRepository comments;
    private final DecisionRecordRepository decisions;
    private final ModeratorAuditRepository audits;
    private final PostRepository posts;
    private final Clock clock;

    public ModerationViews(EntityManager em, ModeratedCommentRepository comments, DecisionRecordRepository decisions,
                           ModeratorAuditRepository audits, PostRepository posts, Clock clock) {
        this.em = em;
        this.comments = comments;
        this.decisions = decisions;
        this.audits = audits;
        this.posts = posts;
        this.clock = clock;
    }

    /**
     * One page of comments with a status: pending oldest first (the queue is worked from its oldest end),
     * the others newest first.
     *
     * @throws IllegalArgumentException for a cursor this service did not write
     */
    public QueuePage queue(QueueQuery q) {
        boolean oldestFirst = q.status() == Outcome.PENDING;
        Optional<Cursor> after = Optional.ofNullable(q.cursor()).map(Cursor::parse);
        StringBuilder sql = new StringBuilder("select c.id from comment c where c.outcome = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("status", q.status().name());
        if (q.postId() != null) {
            sql.append(" and c.post_id = :postId");
            params.put("postId", q.postId());
        }
        if (q.campaign() != null) {
            sql.append(" and exists (select 1 from campaign_member m where m.comment_id = c.id"
                    + " and m.campaign_id = :campaign)");
            params.put("campaign", q.campaign());
        }
        if (q.label() != null) {
            // the rules of the engine's newest judgement of the comment
            sql.append(" and exists (select 1 from decision d where d.comment_id = c.id and d.decided_by = 'auto'"
                    + " and d.rules @> cast(:label as jsonb) and d.version = (select max(d2.version) from decision d2"
                    + " where d2.comment_id = c.id and d2.decided_by = 'auto'))");
            params.put("label", "[" + jsonString(q.label()) + "]");
        }
        after.ifPresent(c -> {
            sql.append(oldestFirst ? " and (c.submitted_at, c.id) > (:afterAt, :afterId)"
                    : " and (c.submitted_at, c.id) < (:afterAt, :afterId)");
            params.put("afterAt", c.submittedAt());
            params.put("afterId", c.id());
        });
        sql.append(oldestFirst ? " order by c.submitted_at, c.id" : " order by c.submitted_at desc, c.id desc");
        sql.append(" limit :limit");
        params.put("limit", q.limit() + 1);

        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = em.createNativeQuery(sql.toString());
            params.forEach(query::setParameter);
            @SuppressWarnings("unchecked")
            List<UUID> ids = query.getResultList();
            boolean more = ids.size() > q.limit();
            List<UUID> page = more ? ids.subList(0, q.limit()) : ids;
            Map<UUID, ModeratedComment> found = comments.findAllById(page);
            Map<UUID, DecisionRecord> judgements = latestAutomatic(page);
            Map<UUID, UUID> campaigns = campaignsOf(page);
            List<QueueItem> items = page.stream().map(found::get).map(c -> new QueueItem(c.id, c.postId,
                    c.authorName, c.body, c.outcome, c.submittedAt, c.decisionVersion, campaigns.get(c.id),
                    Judgement.of(judgements.get(c.id)))).toList();
            String next = more ? new Cursor(items.get(items.size() - 1).submittedAt(),
                    items.get(items.size() - 1).id()).encode() : null;
            return new QueuePage(items, next);
        });
    }

    /** @throws NoSuchElementException when moderation does not know the comment */
    public CommentDetail comment(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ModeratedComment c = comments.findById(id);
            if (c == null) {
                throw new NoSuchElementException("no comment " + id);
            }
            Post post = posts.findById(c.postId);
            Map<Long, ModeratorAudit> audited = audits.of(id).stream()
                    .collect(Collectors.toMap(a -> a.decisionVersion, Function.identity()));
            List<HistoryEntry> history = decisions.history(id).stream().map(d -> {
                ModeratorAudit a = audited.get(d.version);
                return a == null
                        ? new HistoryEntry(d.version, d.outcome, d.decidedBy, d.decidedAt, d.reason, null,
                        d.modelVersion)
                        : new HistoryEntry(d.version, d.outcome, d.decidedBy, d.decidedAt, a.reason, a.fromOutcome,
                        a.modelVersion);
            }).toList();
            CampaignInfo campaign = campaignOf(id);
            List<NearDuplicate> near = campaign == null ? List.of() : nearDuplicates(campaign.id(), id);
            return new CommentDetail(c.id, c.postId, c.parentId, c.body,
                    new Author(c.authorName, c.authorEmail, c.authorUrl, c.authorKey,
                            c.signals == null ? null : c.signals.clientFingerprint()),
                    post == null ? new PostInfo(c.postId, null, null) : new PostInfo(post.id, post.title, post.url),
                    c.outcome, c.decisionVersion, c.submittedAt, Judgement.of(latestAutomatic(List.of(id)).get(id)),
                    history, campaign, near);
        });
    }

    /** Comments received, automatic rules fired and moderators' decisions since {@code days} ago; the queue now. */
    public Stats stats(int days) {
        Instant now = Instant.now(clock);
        Instant since = now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> volumes = new LinkedHashMap<>();
            for (Outcome o : Outcome.values()) {
                volumes.put(o.name().toLowerCase(java.util.Locale.ROOT), 0L);
            }
            rows("select outcome, count(*) from comment where received_at >= ?1 group by outcome", since)
                    .forEach(r -> volumes.put(((String) r[0]).toLowerCase(java.util.Locale.ROOT), number(r[1])));
            Map<String, Long> byRule = new LinkedHashMap<>();
            rows("select r.rule, count(*) from decision d cross join jsonb_array_elements_text(d.rules) r(rule) "
                    + "where d.decided_by = 'auto' and d.decided_at >= ?1 group by r.rule order by 2 desc, 1", since)
                    .forEach(r -> byRule.put((String) r[0], number(r[1])));
            Object[] queue = rows("select count(*), min(submitted_at) from comment where outcome = 'PENDING'").get(0);
            Instant oldest = queue[1] == null ? null : toInstant(queue[1]);
            Object[] activity = rows("select count(*), "
                    + "count(*) filter (where d.decided_by = 'auto' and d.outcome = 'PENDING'), "
                    + "count(*) filter (where d.decided_by = 'auto' and d.outcome <> 'PENDING' "
                    + "and d.outcome <> a.to_outcome) "
                    + "from moderator_audit a left join decision d on d.comment_id = a.comment_id "
                    + "and d.version = a.decision_version - 1 where a.decided_at >= ?1", since).get(0);
            long decided = number(activity[0]);
            long overturned = number(activity[2]);
            return new Stats(since, volumes, byRule,
                    new QueueAge(number(queue[0]), oldest,
                            oldest == null ? null : Duration.between(oldest, now).toSeconds()),
                    new ModeratorActivity(decided, number(activity[1]), overturned,
                            decided == 0 ? 0 : Math.round(1000.0 * overturned / decided) / 1000.0));
        });
    }

    private Map<UUID, DecisionRecord> latestAutomatic(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, DecisionRecord> latest = new HashMap<>();
        decisions.list("commentId in ?1 and decidedBy = ?2 order by version", ids, DecisionRecord.AUTOMATIC)
                .forEach(d -> latest.put(d.commentId, d));
        return latest;
    }

    private Map<UUID, UUID> campaignsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> campaigns = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select comment_id, campaign_id from campaign_member where comment_id in (:ids)")
                .setParameter("ids", ids).getResultList();
        rows.forEach(r -> campaigns.put((UUID) r[0], (UUID) r[1]));
        return campaigns;
    }

    private CampaignInfo campaignOf(UUID commentId) {
        List<Object[]> rows = rows("select m.campaign_id, count(*), count(distinct o.post_id) from campaign_member m "
                + "join campaign_member o on o.campaign_id = m.campaign_id where m.comment_id = ?1 "
                + "group by m.campaign_id", commentId);
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        Campaign campaign = new Campaign((UUID) r[0], (int) number(r[1]), (int) number(r[2]));
        return new CampaignInfo(campaign.id(), campaign.comments(), campaign.posts(), campaign.isCampaign());
    }

    private List<NearDuplicate> nearDuplicates(UUID campaign, UUID except) {
        List<Object[]> rows = rows("select c.id, c.post_id, c.author_name, c.outcome, c.body from campaign_member m "
                + "join comment c on c.id = m.comment_id where m.campaign_id = ?1 and c.id <> ?2 "
                + "order by c.submitted_at desc limit " + NEAR_DUPLICATES, campaign, except);
        List<NearDuplicate> near = new ArrayList<>();
        rows.forEach(r -> near.add(new NearDuplicate((UUID) r[0], (String) r[1], (String) r[2],
                Outcome.valueOf((String) r[3]), (String) r[4])));
        return near;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Position after the last comment of a page: its submission time and id, opaque to clients. */
    record Cursor(Instant submittedAt, UUID id) {

        String encode() {
            String raw = ChronoUnit.MICROS.between(Instant.EPOCH, submittedAt) + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String encoded) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                long micros = Long.parseLong(raw.substring(0, bar));
                return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(raw.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a queue cursor", e);
            }
        }
    }
}
