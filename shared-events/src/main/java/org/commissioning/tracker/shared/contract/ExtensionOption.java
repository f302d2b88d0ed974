package org.commissioning.tracker.shared.contract;

import java.time.Period;
import org.commissioning.tracker.shared.Values;

/**
 * An option to extend, used in order: up to {@code maxLength}, in one go or in tranches, decided on or before
 * {@code (end + 1) − noticePeriod} (or the end date when no notice period is set).
 */
public record ExtensionOption(Period maxLength, Period noticePeriod) {

    public ExtensionOption {
        maxLength = Values.length("maxLength", maxLength);
        noticePeriod = noticePeriod == null ? null : Values.notice("noticePeriod", noticePeriod);
    }

    public static ExtensionOption of(Period maxLength) {
        return new ExtensionOption(maxLength, null);
    }
}
