package io.parley.moderation.engine.signal;

/**
 * Remembers comment fingerprints so near-duplicates are grouped. The service keeps them in
 * PostgreSQL so that every instance agrees on campaign ids; {@link InMemoryCampaignRegistry} serves
 * tests and the benchmark.
 */
public interface CampaignRegistry {

    /**
     * Records a comment's fingerprint and returns the group it joined (a new one when it matches none).
     * Recording the same comment again does not count it twice.
     */
    Campaign record(long fingerprint, String postId, String commentId);
}
