package org.commissioning.tracker.shared;

/** A commissioner, provider or member of an agreement, by name (API.md: {@code {"name"}}). */
public record Party(String name) {

    public Party {
        name = Values.name("name", name);
    }

    @Override
    public String toString() {
        return name;
    }
}
