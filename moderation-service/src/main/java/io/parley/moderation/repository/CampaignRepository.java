package io.parley.moderation.repository;

import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.CampaignRegistry;
import io.parley.moderation.engine.signal.SimHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

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
 * at once queue up instead of founding two campaigns. A whole batch of comments joins with three
 * statements, whatever its size. Runs in the caller's transaction.
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
            Map<UUID, UUID> campaignOf = lockAndFindExisting(connection, members);
            List<Member> joining = members.stream().filter(m -> !campaignOf.containsKey(m.commentId())).toList();
            List<List<Candidate>> candidates = joining.isEmpty() ? List.of() : candidates(connection, joining);
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
            return insertAndCount(connection, founded, joining, campaignOf);
        });
    }

    private record Candidate(UUID campaign, long fingerprint) {
    }

    /** The members' fingerprint bands, one array per band, as the statements take them. */
    private static Object[][] bands(List<Member> members) {
        Object[][] bands = new Object[SimHash.BANDS][members.size()];
        for (int i = 0; i < members.size(); i++) {
            for (int band = 0; band < SimHash.BANDS; band++) {
                bands[band][i] = SimHash.band(members.get(i).fingerprint(), band);
            }
        }
        return bands;
    }

    /**
     * Takes the band locks, in ascending key order so that two instances locking overlapping bands cannot
     * deadlock, and finds the comments already members (a redelivered batch). The candidates are read by
     * the next statement, whose snapshot is taken once the locks are held.
     */
    private static Map<UUID, UUID> lockAndFindExisting(Connection connection, List<Member> members)
            throws SQLException {
        TreeSet<Long> keys = new TreeSet<>();
        for (Member member : members) {
            for (int band = 0; band < SimHash.BANDS; band++) {
                keys.add(LOCK_SPACE | ((long) band << 16) | SimHash.band(member.fingerprint(), band));
            }
        }
        Map<UUID, UUID> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                with locked as (
                    select count(pg_advisory_xact_lock(k)) from (select unnest(?::bigint[]) as k order by 1) keys)
                select m.comment_id, m.campaign_id from locked left join campaign_member m on m.comment_id = any(?)
                """)) {
            select.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
            select.setArray(2, connection.createArrayOf("uuid", members.stream().map(Member::commentId).toArray()));
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

    /** For each joining comment, in order: a bounded sample of the members sharing one of its bands. */
    private static List<List<Candidate>> candidates(Connection connection, List<Member> joining) throws SQLException {
        List<List<Candidate>> candidates = new ArrayList<>(joining.size());
        joining.forEach(member -> candidates.add(new ArrayList<>()));
        Object[][] bands = bands(joining);
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

    /**
     * Founds the new campaigns, adds the joining members and counts every campaign of the batch, in one
     * statement. Its count cannot see the rows it inserts, so it adds them from what the insert returns.
     */
    private Map<UUID, Campaign> insertAndCount(Connection connection, List<UUID> founded, List<Member> joining,
                                               Map<UUID, UUID> campaignOf) throws SQLException {
        Object[][] bands = bands(joining);
        Map<UUID, Campaign> byCampaign = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                with founded as (
                    insert into campaign (id, first_seen) select unnest(?::uuid[]), ?
                ), joined as (
                    insert into campaign_member
                        (comment_id, campaign_id, post_id, fingerprint, band0, band1, band2, band3)
                    select * from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::bigint[],
                                         ?::int[], ?::int[], ?::int[], ?::int[])
                    returning campaign_id, post_id
                )
                select campaign_id, count(*), count(distinct post_id) from (
                    select campaign_id, post_id from campaign_member where campaign_id = any(?)
                    union all select campaign_id, post_id from joined) members
                group by campaign_id""")) {
            statement.setArray(1, connection.createArrayOf("uuid", founded.toArray()));
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            statement.setArray(3, connection.createArrayOf("uuid", joining.stream().map(Member::commentId).toArray()));
            statement.setArray(4, connection.createArrayOf("uuid",
                    joining.stream().map(m -> campaignOf.get(m.commentId())).toArray()));
            statement.setArray(5, connection.createArrayOf("varchar", joining.stream().map(Member::postId).toArray()));
            statement.setArray(6, connection.createArrayOf("bigint",
                    joining.stream().map(Member::fingerprint).toArray()));
            for (int band = 0; band < SimHash.BANDS; band++) {
                statement.setArray(7 + band, connection.createArrayOf("integer", bands[band]));
            }
            statement.setArray(7 + SimHash.BANDS,
                    connection.createArrayOf("uuid", campaignOf.values().stream().distinct().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
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
