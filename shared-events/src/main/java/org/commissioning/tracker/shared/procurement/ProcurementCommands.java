package org.commissioning.tracker.shared.procurement;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.Values;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractTerms;

/**
 * The commands of a procurement's life. Each validates its own fields (400 {@code validation_failed}, naming the
 * field); the Procurement aggregate enforces the business rules through {@link ProcurementTimeline} (422 with a code).
 * Every command handler returns the aggregate's version.
 */
public final class ProcurementCommands {

    /** No funnel in public procurement comes near this. */
    public static final int MAX_COUNT = 100_000;

    private ProcurementCommands() {
    }

    /** Start tracking a procurement: in the {@code PLANNING} stage from {@code effectiveOn}. */
    public record PlanProcurement(
            @TargetAggregateIdentifier ProcurementId procurementId,
            String title,
            List<Party> buyers,
            Regime regime,
            ProcurementRoute route,
            Money estimatedValue,
            Money maximumPrice,
            LocalDate plannedAwardOn,
            LocalDate plannedStartOn,
            LocalDate effectiveOn) {

        public PlanProcurement {
            Values.required("id", procurementId);
            title = Values.name("title", title);
            buyers = Values.nonEmpty("buyers", buyers);
            Values.required("regime", regime);
            Values.required("route", route);
            if (!regime.allows(route)) {
                throw routeDoesNotFit(regime, route);
            }
            notNegative("estimatedValue", estimatedValue);
            positive("maximumPrice", maximumPrice);
            if (estimatedValue != null && maximumPrice != null
                    && !estimatedValue.currency().equals(maximumPrice.currency())) {
                throw new InvalidValueException("maximumPrice.currency", "must be " + estimatedValue.currency()
                        + ", the currency of the estimated value; got " + maximumPrice.currency());
            }
            plannedAwardOn = plannedAwardOn == null ? null : Values.date("plannedAwardOn", plannedAwardOn);
            plannedStartOn = plannedStartOn == null ? null : Values.date("plannedStartOn", plannedStartOn);
            if (plannedAwardOn != null && plannedStartOn != null && plannedStartOn.isBefore(plannedAwardOn)) {
                throw new InvalidValueException("plannedStartOn",
                        "must not be before the planned award, " + plannedAwardOn + "; got " + plannedStartOn);
            }
            effectiveOn = Values.date("effectiveOn", effectiveOn);
        }
    }

    /** Record a notice published on {@code publishedOn}, with its reference (e.g. a Find a Tender number) and link. */
    public record PublishNotice(
            @TargetAggregateIdentifier ProcurementId procurementId,
            ProcurementNoticeKind kind,
            LocalDate publishedOn,
            String reference,
            String url) {

        public PublishNotice {
            Values.required("id", procurementId);
            Values.required("kind", kind);
            publishedOn = Values.date("publishedOn", publishedOn);
            reference = reference == null || reference.isBlank() ? null : Values.name("reference", reference);
            url = url == null || url.isBlank() ? null : link("url", url);
        }
    }

    /** Choose (or change) the route; {@code UNDECIDED} is only where a procurement may start. */
    public record ChooseRoute(
            @TargetAggregateIdentifier ProcurementId procurementId,
            ProcurementRoute route,
            LocalDate effectiveOn) {

        public ChooseRoute {
            Values.required("id", procurementId);
            Values.required("route", route);
            if (route == ProcurementRoute.UNDECIDED) {
                throw new InvalidValueException("route", "must name the route chosen; UNDECIDED is only where a "
                        + "procurement may start");
            }
            effectiveOn = Values.date("effectiveOn", effectiveOn);
        }
    }

    public record EnterStage(
            @TargetAggregateIdentifier ProcurementId procurementId,
            ProcurementStage stage,
            LocalDate effectiveOn) {

        public EnterStage {
            Values.required("id", procurementId);
            Values.required("stage", stage);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
        }
    }

    /** Record the count at one measure of the funnel; a later count for the same measure replaces the earlier one. */
    public record RecordParticipation(
            @TargetAggregateIdentifier ProcurementId procurementId,
            ParticipationMeasure measure,
            Integer count,
            LocalDate effectiveOn) {

        public RecordParticipation {
            Values.required("id", procurementId);
            Values.required("measure", measure);
            Values.required("count", count);
            if (count < 0 || count > MAX_COUNT) {
                throw new InvalidValueException("count", "must be a whole number from 0 to " + MAX_COUNT + "; got " + count);
            }
            effectiveOn = Values.date("effectiveOn", effectiveOn);
        }
    }

    /** Record a bid received; {@code bidder} is a party's name. */
    public record RecordBid(
            @TargetAggregateIdentifier ProcurementId procurementId,
            String bidder,
            Money amount,
            LocalDate effectiveOn) {

        public RecordBid {
            Values.required("id", procurementId);
            bidder = Values.name("bidder", bidder);
            Values.required("amount", amount);
            positive("amount", amount);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
        }
    }

    /** Record a standstill period, both days included; the award may be made from the day after {@code endsOn}. */
    public record RecordStandstill(
            @TargetAggregateIdentifier ProcurementId procurementId,
            LocalDate startsOn,
            LocalDate endsOn) {

        public RecordStandstill {
            Values.required("id", procurementId);
            startsOn = Values.date("startsOn", startsOn);
            endsOn = Values.date("endsOn", endsOn);
            if (endsOn.isBefore(startsOn)) {
                throw new InvalidValueException("endsOn", "must not be before startsOn, " + startsOn + "; got " + endsOn);
            }
        }
    }

    /**
     * Award the procurement, creating the contract {@code contractId} in the same transaction: its commissioners are the
     * procurement's buyers, its title (when none is given) the procurement's.
     */
    public record AwardContract(
            @TargetAggregateIdentifier ProcurementId procurementId,
            ContractId contractId,
            LocalDate effectiveOn,
            List<Party> providers,
            Money value,
            ContractKind kind,
            String title,
            ContractTerms terms) {

        public AwardContract {
            Values.required("id", procurementId);
            Values.required("contractId", contractId);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
            providers = Values.nonEmpty("providers", providers);
            Values.required("value", value);
            notNegative("value", value);
            Values.required("kind", kind);
            title = title == null || title.isBlank() ? null : Values.name("title", title);
            Values.required("terms", terms);
        }
    }

    public record AbandonProcurement(@TargetAggregateIdentifier ProcurementId procurementId, LocalDate effectiveOn) {

        public AbandonProcurement {
            Values.required("id", procurementId);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
        }
    }

    static InvalidValueException routeDoesNotFit(Regime regime, ProcurementRoute route) {
        return new InvalidValueException("route", regime == Regime.PSR
                ? "must be one of the Provider Selection Regime's routes (PSR_DIRECT_AWARD_A, PSR_DIRECT_AWARD_B, "
                + "PSR_DIRECT_AWARD_C, PSR_MOST_SUITABLE_PROVIDER, PSR_COMPETITIVE) or UNDECIDED under regime PSR; got "
                + route
                : "is a Provider Selection Regime route, which needs regime PSR; this procurement is under " + regime);
    }

    private static void notNegative(String field, Money money) {
        if (money != null && money.isNegative()) {
            throw new InvalidValueException(field + ".amount", "must not be negative; got " + money.amount().toPlainString());
        }
    }

    private static void positive(String field, Money money) {
        if (money != null && money.amount().signum() <= 0) {
            throw new InvalidValueException(field + ".amount", "must be more than zero; got " + money.amount().toPlainString());
        }
    }

    private static String link(String field, String value) {
        String url = Values.text(field, value);
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))
                    || uri.getHost() == null) {
                throw new InvalidValueException(field, "must be an http or https address such as "
                        + "https://www.find-tender.service.gov.uk/Notice/012345-2025; got '" + url + "'");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidValueException(field, "is not a valid address: " + e.getReason());
        }
    }
}
