package io.parley.moderation.repository;

import io.parley.moderation.engine.signal.Campaign;
import io.parley.moderation.engine.signal.CampaignRegistry;
import io.parley.moderation.engine.signal.SimHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Campaigns in PostgreSQL, so every instance groups near-duplicates under the same id. Joining takes
 * transaction-scoped advisory locks on the fingerprint's four bands: two instances seeing copies of
 * one text at once queue up instead of founding two campaigns. Runs in the caller's transaction.
 */
@ApplicationScoped
public class CampaignRepository implements CampaignRegistry {

    private static final long LOCK_SPACE = 4005L << 32;
    private static final int MAX_CANDIDATES = 64;

    private final EntityManager em;
    private final Clock clock;

    public CampaignRepository(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public Campaign record(long fingerprint, String postId, String commentId) {
        UUID comment = UUID.fromString(commentId);
        @SuppressWarnings("unchecked")
        List<UUID> existing = em.createNativeQuery("select campaign_id from campaign_member where comment_id = ?1")
                .setParameter(1, comment).getResultList();
        if (!existing.isEmpty()) {
            return stats(existing.get(0));
        }
        int[] bands = new int[SimHash.BANDS];
        for (int i = 0; i < SimHash.BANDS; i++) {
            bands[i] = SimHash.band(fingerprint, i);
        }
        lock(bands);
        UUID campaign = nearest(fingerprint, bands);
        if (campaign == null) {
            campaign = UUID.randomUUID();
            em.createNativeQuery("insert into campaign (id, first_seen) values (?1, ?2)")
                    .setParameter(1, campaign).setParameter(2, Instant.now(clock)).executeUpdate();
        }
        em.createNativeQuery("insert into campaign_member (comment_id, campaign_id, post_id, fingerprint, band0, band1, "
                        + "band2, band3) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, comment).setParameter(2, campaign).setParameter(3, postId)
                .setParameter(4, fingerprint).setParameter(5, bands[0]).setParameter(6, bands[1])
                .setParameter(7, bands[2]).setParameter(8, bands[3]).executeUpdate();
        return stats(campaign);
    }

    private void lock(int[] bands) {
        long[] keys = new long[bands.length];
        for (int i = 0; i < bands.length; i++) {
            keys[i] = LOCK_SPACE | ((long) i << 16) | bands[i];
        }
        java.util.Arrays.sort(keys);
        for (long key : keys) {
            em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, key).getSingleResult();
        }
    }

    /**
     * A bounded sample of the members sharing a band: under a flood of copies one band matches thousands of
     * members of the same campaign, and reading them all made each new copy slower than the last.
     */
    private UUID nearest(long fingerprint, int[] bands) {
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = em.createNativeQuery("select campaign_id, fingerprint from campaign_member "
                        + "where band0 = ?1 or band1 = ?2 or band2 = ?3 or band3 = ?4 limit " + MAX_CANDIDATES)
                .setParameter(1, bands[0]).setParameter(2, bands[1]).setParameter(3, bands[2])
                .setParameter(4, bands[3]).getResultList();
        UUID best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Object[] c : candidates) {
            int d = SimHash.distance(fingerprint, ((Number) c[1]).longValue());
            if (d <= SimHash.NEAR_DUPLICATE_BITS && d < bestDistance) {
                best = (UUID) c[0];
                bestDistance = d;
            }
        }
        return best;
    }

    private Campaign stats(UUID campaign) {
        Object[] row = (Object[]) em.createNativeQuery(
                        "select count(*), count(distinct post_id) from campaign_member where campaign_id = ?1")
                .setParameter(1, campaign).getSingleResult();
        return new Campaign(campaign, ((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }
}
