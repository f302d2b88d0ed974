package org.commissioning.tracker.command.web;

import static org.commissioning.tracker.platform.PlatformAutoConfiguration.CORRELATION_ID;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.REASON;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.RECORDED_BY;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.commissioning.tracker.shared.Values;

/**
 * Who records a change and why: the metadata every event carries. Until authentication arrives the user is taken from
 * the {@code X-Recorded-By} header (a fixed name when absent), never from the body.
 */
public record Recording(String recordedBy, String reason, String correlationId) {

    public static final String RECORDED_BY_HEADER = "X-Recorded-By";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String UNIDENTIFIED = "unidentified";

    public Recording {
        recordedBy = recordedBy == null || recordedBy.isBlank() ? UNIDENTIFIED : Values.name(RECORDED_BY_HEADER, recordedBy);
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
