package io.parley.moderation.engine.signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A {@link CampaignRegistry} for one process: tests and the benchmark. */
public final class InMemoryCampaignRegistry implements CampaignRegistry {

    private final List<Map<Integer, List<Entry>>> bands = new ArrayList<>();
    private final Map<UUID, Group> groups = new HashMap<>();
    private final Map<String, Entry> byComment = new HashMap<>();

    public InMemoryCampaignRegistry() {
        for (int i = 0; i < SimHash.BANDS; i++) {
            bands.add(new HashMap<>());
        }
    }

    @Override
    public synchronized Campaign record(long fingerprint, String postId, String commentId) {
        Entry known = byComment.get(commentId);
        if (known != null) {
            return groups.get(known.group).toCampaign(known.group);
        }
        UUID groupId = nearest(fingerprint);
        if (groupId == null) {
            groupId = UUID.randomUUID();
            groups.put(groupId, new Group());
        }
        Entry entry = new Entry(fingerprint, groupId);
        byComment.put(commentId, entry);
        for (int i = 0; i < SimHash.BANDS; i++) {
            bands.get(i).computeIfAbsent(SimHash.band(fingerprint, i), b -> new ArrayList<>()).add(entry);
        }
        Group group = groups.get(groupId);
        group.comments++;
        group.posts.add(postId);
        return group.toCampaign(groupId);
    }

    private UUID nearest(long fingerprint) {
        UUID best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < SimHash.BANDS; i++) {
            for (Entry e : bands.get(i).getOrDefault(SimHash.band(fingerprint, i), List.of())) {
                int d = SimHash.distance(fingerprint, e.fingerprint);
                if (d <= SimHash.NEAR_DUPLICATE_BITS && d < bestDistance) {
                    best = e.group;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private record Entry(long fingerprint, UUID group) {
    }

    private static final class Group {
        int comments;
        final Set<String> posts = new HashSet<>();

        Campaign toCampaign(UUID id) {
            return new Campaign(id, comments, posts.size());
        }
    }
}
