package org.commissioning.tracker.platform.web;

/** One bad field of a 400 {@code validation_failed}: {@code {"field": "terms.initialEndDate", "message": "..."}}. */
public record FieldError(String field, String message) {
}
