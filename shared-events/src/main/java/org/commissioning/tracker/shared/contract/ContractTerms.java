package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Values;

/**
 * What the parties agreed about time: a start, an initial term (a period or an end date), options to extend, a
 * renewal rule and the notice needed to terminate. Terms are inclusive: a term of length L from S ends on
 * {@code S + L − 1 day}.
 */
public record ContractTerms(
        LocalDate startDate,
        Period initialTerm,
        LocalDate initialEndDate,
        List<ExtensionOption> extensionOptions,
        RenewalRule renewal,
        Period terminationNoticePeriod) {

    public static final int MAX_EXTENSION_OPTIONS = 20;

    public ContractTerms {
        startDate = Values.date("startDate", startDate);
        if ((initialTerm == null) == (initialEndDate == null)) {
            throw new InvalidValueException(initialTerm == null ? "initialTerm" : "initialEndDate",
                    "give exactly one of initialTerm and initialEndDate");
        }
        if (initialTerm != null) {
            initialTerm = Values.length("initialTerm", initialTerm);
        } else {
            initialEndDate = Values.date("initialEndDate", initialEndDate);
            if (initialEndDate.isBefore(startDate)) {
                throw new InvalidValueException("initialEndDate",
                        "must not be before the start date " + startDate + "; got " + initialEndDate);
            }
        }
        extensionOptions = extensionOptions == null ? List.of() : Values.list("extensionOptions", extensionOptions);
        if (extensionOptions.size() > MAX_EXTENSION_OPTIONS) {
            throw new InvalidValueException("extensionOptions", "at most " + MAX_EXTENSION_OPTIONS + " options; got " + extensionOptions.size());
        }
        terminationNoticePeriod = terminationNoticePeriod == null ? null
                : Values.notice("terminationNoticePeriod", terminationNoticePeriod);
    }

    /** The last day in force of the initial term. */
    public LocalDate initialEnd() {
        return initialEndDate != null ? initialEndDate : startDate.plus(initialTerm).minusDays(1);
    }
}
