package io.parley.ingest.rest;

import io.parley.events.CommentAuthor;
import io.parley.ingest.service.CommentRefusedException;
import io.parley.ingest.service.CommentRules;
import io.parley.ingest.service.NewComment;
import io.parley.support.rest.Problem;
import io.parley.support.rest.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Validates a submission, JSON or form alike, reporting every offending field at once. */
@ApplicationScoped
public class Submissions {

    private final Validator validator;
    private final CommentRules rules;

    public Submissions(Validator validator, CommentRules rules) {
        this.validator = validator;
        this.rules = rules;
    }

    public NewComment toComment(SubmitCommentRequest submitted) {
        if (submitted == null) {
            throw CommentRefusedException.invalid(List.of(new Problem.FieldError("body", "a comment is required")));
        }
        SubmitCommentRequest request = submitted.normalised();
        List<Problem.FieldError> errors = new ArrayList<>();
        validator.validate(request).forEach(v -> errors.add(
                new Problem.FieldError(ProblemMappers.fieldName(v), v.getMessage())));
        errors.addAll(rules.bodyErrors(request.body()));
        if (request.author() != null) {
            errors.addAll(rules.nameErrors(request.author().name()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw CommentRefusedException.invalid(errors);
        }
        SubmitCommentRequest.AuthorRequest author = request.author();
        return new NewComment(request.postId(), request.parentId() == null ? null : UUID.fromString(request.parentId()),
                new CommentAuthor(author.name().strip(), author.email(), author.url()), request.body().strip());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
