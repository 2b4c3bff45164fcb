package io.parley.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.events.PostUpdated;
import io.parley.ingest.service.PostDirectory;
import io.parley.support.messaging.EventReader;
import io.parley.support.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the whole compacted posts topic into the {@link PostDirectory}, in a consumer group of its
 * own per instance (every instance needs every post). A record it cannot read is only logged:
 * moderation, the topic's durable consumer, dead-letters it, and an ephemeral group would copy it
 * again at every start.
 */
@ApplicationScoped
public class PostConsumer {

    private static final Logger LOG = Logger.getLogger(PostConsumer.class);

    private final EventReader<PostUpdated> reader;
    private final PostDirectory directory;

    public PostConsumer(ObjectMapper mapper, PostDirectory directory) {
        this.reader = new EventReader<>(mapper, PostUpdated.class, PostUpdated::postId, PostUpdated::postId);
        this.directory = directory;
    }

    @Incoming("posts")
    public void onPosts(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            IncomingEvent<PostUpdated> read = reader.read(record);
            if (read instanceof IncomingEvent.Valid<PostUpdated> valid) {
                directory.apply(valid.event());
            } else if (read instanceof IncomingEvent.Poison<PostUpdated> poison) {
                LOG.warnf("ignoring unreadable post record at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), poison.reason());
            }
        }
    }
}
