package org.commissioning.tracker.command.web;

import static org.commissioning.tracker.platform.PlatformAutoConfiguration.CORRELATION_ID;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.REASON;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.RECORDED_BY;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.commissioning.tracker.shared.Values;

/** Who records a change and why: the metadata every event carries. The user is the authenticated one. */
public record Recording(String recordedBy, String reason, String correlationId) {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    public Recording {
        recordedBy = Values.name("recordedBy", recordedBy);
        reason = Values.optionalText("reason", reason);
        correlationId = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString()
                : Values.identifier(CORRELATION_HEADER, correlationId);
    }

    public Map<String, Object> metaData() {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(RECORDED_BY, recordedBy);
        metaData.put(CORRELATION_ID, correlationId);
        if (reason != null) {
            metaData.put(REASON, reason);
        }
        return metaData;
    }
}
