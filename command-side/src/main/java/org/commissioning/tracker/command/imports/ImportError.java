package org.commissioning.tracker.command.imports;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One refusal in an import: where it is ({@code line}, 1-based; {@code request}, the 0-based index in the line's
 * {@code requests}, absent when the line itself is at fault; the request's {@code path}) and what the single endpoint
 * would have answered for it ({@code code}: {@code validation_failed} with the {@code field}, a rule's code,
 * {@code already_exists}, …).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportError(int line, Integer request, String path, String code, String field, String message) {
}
