package io.parley.moderation.repository;

import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.CampaignRegistry;
import io.parley.moderation.engine.signal.SimHash;
import io.parley.support.persistence.SqlArrays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Campaigns in PostgreSQL, so every instance groups near-duplicates under the same id. Joining takes
 * one transaction-scoped advisory lock: two instances seeing copies of one text at once queue up instead
 * of founding two campaigns. It used to be a lock per fingerprint band, up to four per comment; but a
 * batch of hundreds of comments takes a thousand of the 262,144 band keys, so any two concurrent batches
 * shared one with near certainty and queued up anyway, while a batch of 1,000 held 4,000 locks of a lock
 * table that PostgreSQL sizes at 64 per connection. A campaign is named by the comment that founded it. A
 * whole batch of comments joins with three statements, whatever its size, and a fourth when it joins
 * campaigns stored before. Runs in the caller's transaction and holds the lock until it ends, so callers
 * join in a short transaction of their own ({@code ModerationService}).
 */
@ApplicationScoped
public class CampaignRepository implements CampaignRegistry {

    /** The advisory lock's key; nothing else in this database takes advisory locks. */
    private static final long LOCK = 4005L << 32;
    /**
     * Members read per comment among those sharing a band: under a flood of copies one band matches
     * thousands of members of the same campaign, and reading them all made each new copy slower than the
     * last. Each band is read on its own with its share of the limit: an OR of the four bands makes
     * PostgreSQL collect every match in a bitmap before the limit applies.
     */
    private static final int MAX_CANDIDATES = 64;

    private final EntityManager em;

    public CampaignRepository(EntityManager em) {
        this.em = em;
    }

    /** A comment's text fingerprint, to be grouped with its near-duplicates. */
    public record Member(UUID commentId, String postId, long fingerprint) {
    }

    @Override
    public Campaign record(long fingerprint, String postId, String commentId) {
        UUID comment = UUID.fromString(commentId);
        return recordAll(List.of(new Member(comment, postId, fingerprint))).get(comment);
    }

    /**
     * Puts each comment in the campaign of its nearest near-duplicate (earlier members or an earlier
     * comment of the same list), or founds one named by the comment's own id. Comments already members
     * keep their campaign. The sizes returned count every member after the whole list joined.
     */
    public Map<UUID, Campaign> recordAll(List<Member> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<UUID, UUID> campaignOf = lockAndFindExisting(connection, members);
            List<Member> joining = members.stream().filter(m -> !campaignOf.containsKey(m.commentId())).toList();
            List<List<Candidate>> candidates = joining.isEmpty() ? List.of() : candidates(connection, joining);
            Set<UUID> founded = new HashSet<>();
            List<Candidate> joinedSoFar = new ArrayList<>();
            for (int i = 0; i < joining.size(); i++) {
                Member member = joining.get(i);
                UUID campaign = nearest(member.fingerprint(), candidates.get(i), joinedSoFar);
                if (campaign == null) {
                    campaign = member.commentId();
                    founded.add(campaign);
                }
                campaignOf.put(member.commentId(), campaign);
                joinedSoFar.add(new Candidate(campaign, member.fingerprint()));
            }
            insert(connection, joining, campaignOf);
            Map<UUID, Campaign> byCampaign = countFounded(founded, joining, campaignOf);
            byCampaign.putAll(countStored(connection, campaignOf.values().stream()
                    .filter(campaign -> !founded.contains(campaign)).collect(Collectors.toSet())));
            Map<UUID, Campaign> byComment = new HashMap<>();
            campaignOf.forEach((comment, campaign) -> byComment.put(comment, byCampaign.get(campaign)));
            return byComment;
        });
    }

    private record Candidate(UUID campaign, long fingerprint) {
    }

    /** The members' fingerprint bands, one array per band, as the statements take them. */
    private static Integer[][] bands(List<Member> members) {
        Integer[][] bands = new Integer[SimHash.BANDS][members.size()];
        for (int i = 0; i < members.size(); i++) {
            for (int band = 0; band < SimHash.BANDS; band++) {
                bands[band][i] = SimHash.band(members.get(i).fingerprint(), band);
            }
        }
        return bands;
    }

    /**
     * Takes the lock and finds the comments already members (a redelivered batch). The candidates are read
     * by the next statement, whose snapshot is taken once the lock is held.
     */
    private static Map<UUID, UUID> lockAndFindExisting(Connection connection, List<Member> members)
            throws SQLException {
        Map<UUID, UUID> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                with locked as (select count(pg_advisory_xact_lock(?)))
                select m.comment_id, m.campaign_id from locked left join campaign_member m on m.comment_id = any(?::uuid[])
                """)) {
            select.setLong(1, LOCK);
            select.setObject(2, SqlArrays.texts(members, Member::commentId));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID comment = rows.getObject(1, UUID.class);
                    if (comment != null) {
                        found.put(comment, rows.getObject(2, UUID.class));
                    }
                }
            }
        }
        return found;
    }

    /**
     * For each joining comment, in order: its near-duplicates among a bounded sample of the members sharing
     * one of its bands. The distance is checked in the database: most members sharing a band are not near,
     * and sending them all made reading the result most of this statement's cost to the service.
     */
    private static List<List<Candidate>> candidates(Connection connection, List<Member> joining) throws SQLException {
        List<List<Candidate>> candidates = new ArrayList<>(joining.size());
        joining.forEach(member -> candidates.add(new ArrayList<>()));
        Integer[][] bands = bands(joining);
        // PostgreSQL plans each probe as a bitmap scan, which builds a bitmap for the one or two rows a band
        // value has; plain index scans ran the statement in 34-35 ms for 1,000 comments against 44-72 ms
        // (EXPLAIN ANALYZE on a drained database, alternating). Only for this statement.
        setBitmapScans(connection, "off");
        try {
            readCandidates(connection, joining, bands, candidates);
        } finally {
            setBitmapScans(connection, "default");
        }
        return candidates;
    }

    private static void setBitmapScans(Connection connection, String value) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("set local enable_bitmapscan = " + value);
        }
    }

    private static void readCandidates(Connection connection, List<Member> joining, Object[][] bands,
                                       List<List<Candidate>> candidates) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select q.i, m.campaign_id, m.fingerprint
                from unnest(?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[]) with ordinality as q(fp, b0, b1, b2, b3, i)
                cross join lateral (
                    (select campaign_id, fingerprint from campaign_member where band0 = q.b0 limit %1$d)
                    union all (select campaign_id, fingerprint from campaign_member where band1 = q.b1 limit %1$d)
                    union all (select campaign_id, fingerprint from campaign_member where band2 = q.b2 limit %1$d)
                    union all (select campaign_id, fingerprint from campaign_member where band3 = q.b3 limit %1$d)) m
                where bit_count((m.fingerprint # q.fp)::bit(64)) <= %2$d
                """.formatted(MAX_CANDIDATES / SimHash.BANDS, SimHash.NEAR_DUPLICATE_BITS))) {
            select.setObject(1, SqlArrays.longs(joining, Member::fingerprint));
            for (int band = 0; band < SimHash.BANDS; band++) {
                select.setObject(band + 2, bands[band]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.get((int) rows.getLong(1) - 1)
                            .add(new Candidate(rows.getObject(2, UUID.class), rows.getLong(3)));
                }
            }
        }
    }

    private static UUID nearest(long fingerprint, List<Candidate> stored, List<Candidate> joinedSoFar) {
        UUID best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (List<Candidate> candidates : List.of(stored, joinedSoFar)) {
            for (Candidate candidate : candidates) {
                int d = SimHash.distance(fingerprint, candidate.fingerprint());
                if (d <= SimHash.NEAR_DUPLICATE_BITS && d < bestDistance) {
                    best = candidate.campaign();
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private static void insert(Connection connection, List<Member> joining, Map<UUID, UUID> campaignOf)
            throws SQLException {
        if (joining.isEmpty()) {
            return;
        }
        Integer[][] bands = bands(joining);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into campaign_member (comment_id, campaign_id, post_id, fingerprint, band0, band1, band2, band3)
                select * from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[])
                """)) {
            insert.setObject(1, SqlArrays.texts(joining, Member::commentId));
            insert.setObject(2, SqlArrays.texts(joining, m -> campaignOf.get(m.commentId())));
            insert.setObject(3, SqlArrays.texts(joining, Member::postId));
            insert.setObject(4, SqlArrays.longs(joining, Member::fingerprint));
            for (int band = 0; band < SimHash.BANDS; band++) {
                insert.setObject(5 + band, bands[band]);
            }
            insert.executeUpdate();
        }
    }

    /**
     * Campaigns founded by this list have no other members yet (the band locks keep other instances'
     * copies waiting), so they are counted here: nearly every comment founds one, and asking the
     * database about each was most of what grouping cost.
     */
    private static Map<UUID, Campaign> countFounded(Set<UUID> founded, List<Member> joining,
                                                    Map<UUID, UUID> campaignOf) {
        Map<UUID, List<Member>> membersOf = new HashMap<>();
        for (Member member : joining) {
            UUID campaign = campaignOf.get(member.commentId());
            if (founded.contains(campaign)) {
                membersOf.computeIfAbsent(campaign, c -> new ArrayList<>()).add(member);
            }
        }
        Map<UUID, Campaign> counted = new HashMap<>();
        membersOf.forEach((campaign, members) -> counted.put(campaign, new Campaign(campaign, members.size(),
                (int) members.stream().map(Member::postId).distinct().count())));
        return counted;
    }

    /** Counts campaigns that had members before this list, the members it just added included. */
    private static Map<UUID, Campaign> countStored(Connection connection, Set<UUID> campaigns) throws SQLException {
        Map<UUID, Campaign> counted = new HashMap<>();
        if (campaigns.isEmpty()) {
            return counted;
        }
        try (PreparedStatement count = connection.prepareStatement("""
                select campaign_id, count(*), count(distinct post_id) from campaign_member
                where campaign_id = any(?::uuid[]) group by campaign_id""")) {
            count.setObject(1, SqlArrays.texts(campaigns));
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    UUID campaign = rows.getObject(1, UUID.class);
                    counted.put(campaign, new Campaign(campaign, rows.getInt(2), rows.getInt(3)));
                }
            }
        }
        return counted;
    }
}
