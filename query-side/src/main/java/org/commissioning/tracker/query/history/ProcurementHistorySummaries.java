package org.commissioning.tracker.query.history;

import static org.commissioning.tracker.query.history.HistorySummaries.money;
import static org.commissioning.tracker.query.history.HistorySummaries.parties;
import static org.commissioning.tracker.query.history.HistorySummaries.words;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.procurement.BidRecorded;
import org.commissioning.tracker.shared.procurement.NoticePublished;
import org.commissioning.tracker.shared.procurement.ParticipationRecorded;
import org.commissioning.tracker.shared.procurement.ProcurementAbandoned;
import org.commissioning.tracker.shared.procurement.ProcurementAwarded;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementNoticeKind;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;
import org.commissioning.tracker.shared.procurement.RouteChosen;
import org.commissioning.tracker.shared.procurement.StageEntered;
import org.commissioning.tracker.shared.procurement.StandstillRecorded;

/**
 * One line per procurement history entry, in the words a contract manager uses, the same conventions as a
 * contract's ({@link HistorySummaries}): dates as ISO-8601, money in pounds, stages, routes and measures in words,
 * notice forms by their names ("UK4 tender", "contract notice"). A bid is set against the maximum price planned.
 */
final class ProcurementHistorySummaries {

    private ProcurementHistorySummaries() {
    }

    static String of(ProcurementEvent event, ProcurementPlanned planning) {
        return switch (event) {
            case ProcurementPlanned p -> planned(p);
            case NoticePublished n -> "Notice published: " + notice(n.kind())
                    + (n.reference() == null ? "" : " (reference " + n.reference() + ")")
                    + (n.url() == null ? "" : " at " + n.url());
            case RouteChosen r -> "Route chosen: " + route(r.route())
                    + (r.previousRoute() == null || r.previousRoute() == ProcurementRoute.UNDECIDED ? ""
                    : " (was " + route(r.previousRoute()) + ")");
            case StageEntered s -> "Stage moved to " + words(s.stage().name())
                    + (s.previousStage() == null ? "" : " from " + words(s.previousStage().name()));
            case ParticipationRecorded p -> "Participation counted: " + p.count() + " " + p.measure().label()
                    + (p.previousCount() == null ? "" : " (replacing the " + p.previousCount() + " counted before)");
            case BidRecorded b -> bid(b, planning.maximumPrice());
            case StandstillRecorded s -> "Standstill from " + s.startsOn() + " to " + s.endsOn()
                    + " (both included); the contract may be awarded from " + s.endsOn().plusDays(1);
            case ProcurementAwarded a -> "Awarded to " + parties(a.providers()) + " as contract "
                    + a.contractId().value() + " (" + words(a.kind().name()) + " '" + a.title() + "')"
                    + (a.value() == null ? "" : ", value " + money(a.value()))
                    + (a.route() == null ? "" : ", by " + route(a.route()));
            case ProcurementAbandoned a -> "Abandoned without an award"
                    + (a.stage() == null ? "" : " in stage " + words(a.stage().name()));
        };
    }

    private static String planned(ProcurementPlanned p) {
        List<String> facts = new ArrayList<>();
        facts.add("Planned: '" + p.title() + "' by " + parties(p.buyers()) + " under " + p.regime()
                + ", route " + route(p.route()));
        if (p.estimatedValue() != null) {
            facts.add("estimated value " + money(p.estimatedValue()));
        }
        if (p.maximumPrice() != null) {
            facts.add("maximum price " + money(p.maximumPrice()));
        }
        if (p.plannedAwardOn() != null) {
            facts.add("award planned on " + p.plannedAwardOn());
        }
        if (p.plannedStartOn() != null) {
            facts.add("go-live planned on " + p.plannedStartOn());
        }
        return String.join("; ", facts);
    }

    private static String bid(BidRecorded b, Money maximum) {
        StringBuilder text = new StringBuilder("Bid received from ").append(b.bidder()).append(": ")
                .append(money(b.amount()));
        if (b.previousAmount() != null) {
            text.append(" (replacing its bid of ").append(money(b.previousAmount())).append(")");
        }
        if (maximum != null && maximum.currency().equals(b.amount().currency())) {
            Money under = maximum.minus(b.amount());
            if (under.amount().signum() == 0) {
                text.append("; at the maximum price");
            } else {
                BigDecimal percent = under.amount().multiply(BigDecimal.valueOf(100))
                        .divide(maximum.amount(), 2, RoundingMode.HALF_UP);
                text.append("; ").append(money(under)).append(" (").append(percent.toPlainString())
                        .append("%) under the maximum price");
            }
        }
        return text.toString();
    }

    /** UNDECIDED: "undecided"; PSR_DIRECT_AWARD_C: "PSR direct award C". */
    private static String route(ProcurementRoute route) {
        String text = words(route.name());
        if (text.startsWith("psr ")) {
            text = "PSR " + text.substring(4);
        }
        return text.endsWith(" a") || text.endsWith(" b") || text.endsWith(" c")
                ? text.substring(0, text.length() - 1) + text.substring(text.length() - 1).toUpperCase(Locale.ROOT)
                : text;
    }

    /** UK4_TENDER: "UK4 tender"; PSR_INTENTION_TO_AWARD: "PSR intention to award"; CONTRACT_NOTICE: "contract notice". */
    private static String notice(ProcurementNoticeKind kind) {
        String text = words(kind.name());
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        return first.matches("uk\\d+|psr") ? first.toUpperCase(Locale.ROOT) + text.substring(first.length()) : text;
    }
}
