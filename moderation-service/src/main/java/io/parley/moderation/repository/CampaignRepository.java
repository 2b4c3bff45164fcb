package io.parley.moderation.repository;

import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.CampaignRegistry;
import io.parley.moderation.engine.signal.SimHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Campaigns in PostgreSQL, so every instance groups near-duplicates under the same id. Joining takes
 * transaction-scoped advisory locks on the fingerprints' bands: two instances seeing copies of one text
 * at once queue up instead of founding two campaigns. A whole batch of comments joins with a fixed
 * number of statements, whatever its size. Runs in the caller's transaction.
 */
@ApplicationScoped
public class CampaignRepository implements CampaignRegistry {

    private static final long LOCK_SPACE = 4005L << 32;
    /**
     * Members read per comment among those sharing a band: under a flood of copies one band matches
     * thousands of members of the same campaign, and reading them all made each new copy slower than the
     * last. Each band is read on its own with its share of the limit: an OR of the four bands makes
     * PostgreSQL collect every match in a bitmap before the limit applies.
     */
    private static final int MAX_CANDIDATES = 64;

    private final EntityManager em;
    private final Clock clock;

    public CampaignRepository(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
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
     * comment of the same list), or founds one. Comments already members keep their campaign. The
     * sizes returned count every member after the whole list joined.
     */
    public Map<UUID, Campaign> recordAll(List<Member> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<UUID, UUID> campaignOf = existingCampaigns(connection, members);
            List<Member> joining = members.stream().filter(m -> !campaignOf.containsKey(m.commentId())).toList();
            if (!joining.isEmpty()) {
                lock(connection, joining);
                List<List<Candidate>> candidates = candidates(connection, joining);
                List<UUID> founded = new ArrayList<>();
                List<Candidate> joinedSoFar = new ArrayList<>();
                for (int i = 0; i < joining.size(); i++) {
                    Member member = joining.get(i);
                    UUID campaign = nearest(member.fingerprint(), candidates.get(i), joinedSoFar);
                    if (campaign == null) {
                        campaign = UUID.randomUUID();
                        founded.add(campaign);
                    }
                    campaignOf.put(member.commentId(), campaign);
                    joinedSoFar.add(new Candidate(campaign, member.fingerprint()));
                }
                insert(connection, founded, joining, campaignOf);
            }
            return stats(connection, campaignOf);
        });
    }

    private record Candidate(UUID campaign, long fingerprint) {
    }

    private static Map<UUID, UUID> existingCampaigns(Connection connection, List<Member> members) throws SQLException {
        Map<UUID, UUID> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select comment_id, campaign_id from campaign_member where comment_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid",
                    members.stream().map(Member::commentId).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class));
                }
            }
        }
        return found;
    }

    /** Locks in ascending key order, so two instances locking overlapping bands cannot deadlock. */
    private static void lock(Connection connection, List<Member> joining) throws SQLException {
        TreeSet<Long> keys = new TreeSet<>();
        for (Member member : joining) {
            for (int band = 0; band < SimHash.BANDS; band++) {
                keys.add(LOCK_SPACE | ((long) band << 16) | SimHash.band(member.fingerprint(), band));
            }
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_advisory_xact_lock(k) from (select unnest(?::bigint[]) as k order by 1) keys")) {
            lock.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
            lock.executeQuery().close();
        }
    }

    /** For each joining comment, in order: a bounded sample of the members sharing one of its bands. */
    private static List<List<Candidate>> candidates(Connection connection, List<Member> joining) throws SQLException {
        List<List<Candidate>> candidates = new ArrayList<>(joining.size());
        Object[][] bands = new Object[SimHash.BANDS][joining.size()];
        for (int i = 0; i < joining.size(); i++) {
            candidates.add(new ArrayList<>());
            for (int band = 0; band < SimHash.BANDS; band++) {
                bands[band][i] = SimHash.band(joining.get(i).fingerprint(), band);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("""
                select q.i, m.campaign_id, m.fingerprint
                from unnest(?::int[], ?::int[], ?::int[], ?::int[]) with ordinality as q(b0, b1, b2, b3, i)
                cross join lateral (
                    (select campaign_id, fingerprint from campaign_member where band0 = q.b0 limit %1$d)
                    union all (select campaign_id, fingerprint from campaign_member where band1 = q.b1 limit %1$d)
                    union all (select campaign_id, fingerprint from campaign_member where band2 = q.b2 limit %1$d)
                    union all (select campaign_id, fingerprint from campaign_member where band3 = q.b3 limit %1$d)) m
                """.formatted(MAX_CANDIDATES / SimHash.BANDS))) {
            for (int band = 0; band < SimHash.BANDS; band++) {
                select.setArray(band + 1, connection.createArrayOf("integer", bands[band]));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.get((int) rows.getLong(1) - 1)
                            .add(new Candidate(rows.getObject(2, UUID.class), rows.getLong(3)));
                }
            }
        }
        return candidates;
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

    private void insert(Connection connection, List<UUID> founded, List<Member> joining, Map<UUID, UUID> campaignOf)
            throws SQLException {
        if (!founded.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into campaign (id, first_seen) select unnest(?::uuid[]), ?")) {
                insert.setArray(1, connection.createArrayOf("uuid", founded.toArray()));
                insert.setTimestamp(2, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into campaign_member (comment_id, campaign_id, post_id, fingerprint, band0, band1, band2, band3)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Member member : joining) {
                insert.setObject(1, member.commentId());
                insert.setObject(2, campaignOf.get(member.commentId()));
                insert.setString(3, member.postId());
                insert.setLong(4, member.fingerprint());
                for (int band = 0; band < SimHash.BANDS; band++) {
                    insert.setInt(5 + band, SimHash.band(member.fingerprint(), band));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Map<UUID, Campaign> stats(Connection connection, Map<UUID, UUID> campaignOf) throws SQLException {
        Map<UUID, Campaign> byCampaign = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select campaign_id, count(*), count(distinct post_id) from campaign_member
                where campaign_id = any(?) group by campaign_id""")) {
            Array ids = connection.createArrayOf("uuid", campaignOf.values().stream().distinct().toArray());
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID campaign = rows.getObject(1, UUID.class);
                    byCampaign.put(campaign, new Campaign(campaign, rows.getInt(2), rows.getInt(3)));
                }
            }
        }
        Map<UUID, Campaign> byComment = new HashMap<>();
        campaignOf.forEach((comment, campaign) -> byComment.put(comment, byCampaign.get(campaign)));
        return byComment;
    }
}
