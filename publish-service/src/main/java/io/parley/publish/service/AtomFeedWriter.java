package io.parley.publish.service;

import io.parley.publish.rest.ThreadView;
import io.parley.publish.rest.ThreadView.CommentView;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a thread as an Atom 1.0 feed (RFC 4287): one entry per comment, newest first, removed
 * comments as {@code [removed]} entries. Written with a streaming XML writer, so every text and
 * attribute is escaped; comment html travels as escaped {@code type="html"} content.
 */
@ApplicationScoped
public class AtomFeedWriter {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String REMOVED = "[removed]";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    public String write(ThreadView thread, String selfUrl) {
        List<CommentView> entries = new ArrayList<>();
        thread.comments().forEach(comment -> flatten(comment, entries));
        entries.sort(Comparator.comparing(AtomFeedWriter::updated).reversed());
        Instant updated = entries.isEmpty() ? Instant.EPOCH : updated(entries.get(0));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NS);
            text(xml, "id", "urn:parley:thread:" + URLEncoder.encode(thread.postId(), StandardCharsets.UTF_8));
            text(xml, "title", "Comments on " + thread.postId());
            text(xml, "updated", updated.toString());
            xml.writeStartElement("author");
            text(xml, "name", "Parley");
            xml.writeEndElement();
            xml.writeEmptyElement("link");
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/atom+xml");
            xml.writeAttribute("href", clean(selfUrl));
            text(xml, "generator", "Parley");
            for (CommentView comment : entries) {
                entry(xml, comment);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, CommentView comment) throws XMLStreamException {
        xml.writeStartElement("entry");
        text(xml, "id", "urn:uuid:" + comment.id());
        if (comment.removed()) {
            text(xml, "title", REMOVED);
        } else {
            text(xml, "title", "Comment by " + comment.author().name());
            xml.writeStartElement("author");
            text(xml, "name", comment.author().name());
            if (comment.author().url() != null) {
                text(xml, "uri", comment.author().url());
            }
            xml.writeEndElement();
        }
        text(xml, "published", comment.createdAt().toString());
        text(xml, "updated", updated(comment).toString());
        xml.writeStartElement("content");
        if (comment.removed()) {
            xml.writeAttribute("type", "text");
            xml.writeCharacters(REMOVED);
        } else {
            xml.writeAttribute("type", "html");
            xml.writeCharacters(clean(comment.html()));
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void flatten(CommentView comment, List<CommentView> into) {
        into.add(comment);
        comment.replies().forEach(reply -> flatten(reply, into));
    }

    private static Instant updated(CommentView comment) {
        return comment.editedAt() != null ? comment.editedAt() : comment.createdAt();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters even escaped; a commenter could still type them. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(value.length());
        value.codePoints().filter(AtomFeedWriter::allowedInXml).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
