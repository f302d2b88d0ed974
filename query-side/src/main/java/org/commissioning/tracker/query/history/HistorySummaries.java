package org.commissioning.tracker.query.history;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractCommenced;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractRenewed;
import org.commissioning.tracker.shared.contract.ContractTerminated;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ContractVaried;
import org.commissioning.tracker.shared.contract.DerivedRenewal;
import org.commissioning.tracker.shared.contract.ExtensionOption;
import org.commissioning.tracker.shared.contract.ExtensionOptionExercised;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.NoticeServed;
import org.commissioning.tracker.shared.contract.RenewalMode;
import org.commissioning.tracker.shared.contract.RenewalRule;
import org.commissioning.tracker.shared.contract.ReviewPointCompleted;
import org.commissioning.tracker.shared.contract.ReviewPointScheduled;

/**
 * One line per history entry, in the words a contract manager uses: periods as "2 years (P2Y)", dates as ISO-8601
 * (as everywhere in the API), money in pounds ("£726,000,000.00") or with its currency code.
 */
final class HistorySummaries {

    private HistorySummaries() {
    }

    static String of(ContractEvent event, ContractRegistered registration) {
        return switch (event) {
            case ContractRegistered r -> registered(r);
            case ContractCommenced c -> "Service went live (commencement recorded) on " + c.effectiveOn();
            case ExtensionOptionExercised e -> exercised(e, registration.terms().extensionOptions().size());
            case ContractRenewed r -> "Renewal " + r.renewalNumber() + " agreed: from the renewal point "
                    + r.renewalPoint() + ", contract now ends " + r.newEndDate();
            case NoticeServed n -> notice(n);
            case ContractTerminated t -> "Terminated" + (t.initiatedBy() == null ? "" : " by " + t.initiatedBy())
                    + ": last day in force " + t.effectiveOn().minusDays(1) + ", terminated from " + t.effectiveOn()
                    + (t.costs() == null ? "" : "; termination costs " + money(t.costs()));
            case ContractVaried v -> varied(v);
            case ReviewPointScheduled s -> "Review point " + s.reviewId() + " scheduled (" + words(s.kind().name())
                    + ")" + (s.description() == null ? "" : ": " + s.description()) + "; due " + s.dueOn()
                    + (s.recurrence() == null ? "" : ", then every " + inWords(s.recurrence(), true));
            case ReviewPointCompleted c -> "Review point " + c.reviewId() + " due " + c.dueOn() + " completed"
                    + (c.outcome() == null ? "" : ": " + c.outcome());
        };
    }

    static String of(DerivedRenewal renewal) {
        return "Renewed automatically at the renewal point " + renewal.renewalPoint() + " (renewal "
                + renewal.renewalNumber() + "): contract now ends " + renewal.newEndDate() + ", was "
                + renewal.previousEndDate();
    }

    private static String registered(ContractRegistered r) {
        ContractTerms terms = r.terms();
        StringBuilder text = new StringBuilder("Registered: ").append(capitalised(words(r.kind().name())))
                .append(" '").append(r.title()).append("' awarded on ").append(r.awardedOn())
                .append(" by ").append(parties(r.commissioners())).append(" to ").append(parties(r.providers()));
        if (r.procurementId() != null) {
            text.append(" through procurement ").append(r.procurementId().value());
        }
        if (r.procurementRoute() != null) {
            text.append(" (").append(words(r.procurementRoute().name())).append(")");
        }
        if (r.value() != null) {
            text.append(", value ").append(money(r.value()));
        }
        text.append("; starts ").append(terms.startDate()).append(", initial term ");
        if (terms.initialTerm() != null) {
            text.append(inWords(terms.initialTerm(), false)).append(" (").append(terms.initialTerm()).append(") ");
        }
        text.append("to ").append(terms.initialEnd());
        List<ExtensionOption> options = terms.extensionOptions();
        if (!options.isEmpty()) {
            List<String> each = new ArrayList<>();
            for (ExtensionOption option : options) {
                each.add(inWords(option.maxLength(), false) + " (" + option.maxLength() + ")"
                        + (option.noticePeriod() == null ? ""
                        : " decided " + inWords(option.noticePeriod(), false) + " before the end"));
            }
            text.append(options.size() == 1 ? "; option to extend by up to " : "; options to extend by up to ")
                    .append(list(each));
        }
        RenewalRule renewal = terms.renewal();
        if (renewal != null) {
            String term = inWords(renewal.effectiveRollingTerm(), false) + " (" + renewal.effectiveRollingTerm() + ")";
            if (renewal.mode() == RenewalMode.AUTOMATIC) {
                text.append("; renews automatically every ").append(inWords(renewal.interval(), true))
                        .append(" (").append(renewal.interval()).append(") for ").append(term);
            } else {
                text.append("; may be renewed by agreement for ").append(term).append(" at a time");
            }
            if (renewal.maxRenewals() != null) {
                text.append(", at most ").append(renewal.maxRenewals())
                        .append(renewal.maxRenewals() == 1 ? " time" : " times");
            }
            if (renewal.noticePeriod() != null) {
                text.append(", non-renewal notice ").append(inWords(renewal.noticePeriod(), false))
                        .append(" (").append(renewal.noticePeriod()).append(")");
            }
        }
        if (terms.terminationNoticePeriod() != null) {
            text.append("; termination notice period ").append(inWords(terms.terminationNoticePeriod(), false))
                    .append(" (").append(terms.terminationNoticePeriod()).append(")");
        }
        return text.toString();
    }

    private static String exercised(ExtensionOptionExercised e, int options) {
        boolean several = options > 1;
        String option = several ? "option " + e.optionNumber() : "the option";
        String left = e.remainingInOption().isZero() ? option + " is used up"
                : inWords(e.remainingInOption(), false) + " of " + option + " left";
        return (several ? "Option " + e.optionNumber() : "Option") + " to extend exercised: "
                + inWords(e.length(), false) + " (" + e.length() + "), contract now ends " + e.newEndDate() + "; "
                + left;
    }

    private static String notice(NoticeServed n) {
        String by = n.servedBy() == null ? "" : " by " + n.servedBy();
        if (n.kind() == NoticeKind.TERMINATION) {
            return "Termination notice served" + by + ": last day in force " + n.takesEffectOn().minusDays(1)
                    + ", terminated from " + n.takesEffectOn();
        }
        return "Non-renewal notice served" + by + ": no renewal from " + n.takesEffectOn()
                + (n.endsOn() == null ? "" : "; the contract runs off to its end on " + n.endsOn());
    }

    private static String varied(ContractVaried v) {
        StringBuilder text = new StringBuilder("Varied");
        if (v.description() != null) {
            text.append(": ").append(v.description());
        }
        Money change = v.valueChange();
        if (change == null || change.amount().signum() == 0) {
            text.append("; value unchanged");
        } else {
            String direction = change.isNegative() ? "down" : "up";
            Money size = new Money(change.amount().abs(), change.currency());
            text.append("; value ").append(direction).append(" by ").append(money(size));
            text.append(v.newValue() == null ? " (no value was recorded before)" : " to " + money(v.newValue()));
        }
        return text.toString();
    }

    /** 2 years, 1 year 6 months, 3 months; {@code single}: "year" for one year ("every year"). */
    static String inWords(Period period, boolean single) {
        List<String> parts = new ArrayList<>();
        add(parts, period.getYears(), "year");
        add(parts, period.getMonths(), "month");
        add(parts, period.getDays(), "day");
        if (parts.isEmpty()) {
            return "no time";
        }
        String text = String.join(" ", parts);
        return single && parts.size() == 1 && text.startsWith("1 ") ? text.substring(2) : text;
    }

    private static void add(List<String> parts, int amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (Math.abs(amount) == 1 ? "" : "s"));
        }
    }

    static String money(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        String amount = format.format(money.amount() == null ? BigDecimal.ZERO : money.amount());
        return "GBP".equals(money.currency()) ? "£" + amount : money.currency() + " " + amount;
    }

    static String parties(List<Party> parties) {
        return list(parties.stream().map(Party::name).toList());
    }

    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /** SECTION_75_AGREEMENT: "section 75 agreement". */
    static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
