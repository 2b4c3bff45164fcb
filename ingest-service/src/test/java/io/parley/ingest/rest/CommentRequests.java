package io.parley.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.parley.testsupport.TopicProbe;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON bodies for the comment endpoint, built safely from any strings. */
final class CommentRequests {

    private CommentRequests() {
    }

    static String json(String postId, String name, String body) {
        return json(postId, name, body, Map.of());
    }

    static String json(String postId, String name, String body, Map<String, Object> extra) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("postId", postId);
        request.put("author", Map.of("name", name));
        request.put("body", body);
        request.putAll(extra);
        try {
            return TopicProbe.JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
