package org.commissioning.tracker.query.web;

import org.commissioning.tracker.shared.InvalidValueException;

/**
 * The paging of every list (API.md, "Lists": {@code {items, page, size, total}}): {@code page} is zero-based (default
 * 0), {@code size} from 1 to {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}); anything else is a 400 naming the
 * parameter.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new InvalidValueException("page", "must be 0 (the first page) or more; got " + p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidValueException("size", "must be between 1 and " + MAX_SIZE + "; got " + s);
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
