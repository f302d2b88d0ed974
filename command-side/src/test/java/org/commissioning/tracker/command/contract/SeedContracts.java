package org.commissioning.tracker.command.contract;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.ResultValidator;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.commissioning.tracker.shared.contract.ContractCommenced;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ExtensionOption;
import org.commissioning.tracker.shared.contract.RenewalMode;
import org.commissioning.tracker.shared.contract.RenewalRule;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/**
 * The seed contracts of EXAMPLES.md as given events, plus two shapes the seeds describe without dates (a Salford-like
 * option with a notice period, a section 75 agreement renewed annually by agreement), and the check every rejection
 * test makes. Dates marked <i>chosen</i> are not in the papers.
 */
final class SeedContracts {

    private SeedContracts() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static Period period(String iso) {
        return Period.parse(iso);
    }

    // ---- 1. Torbay & South Devon ICO: P5Y from 2015-10-01, then AUTOMATIC every P1Y for P3Y, notice P3M (chosen)

    static final ContractId TORBAY = ContractId.of("TORBAY-ICO");
    static final String TORBAY_CCG = "South Devon and Torbay CCG";
    static final ContractTerms TORBAY_TERMS = new ContractTerms(date("2015-10-01"), period("P5Y"), null, List.of(),
            new RenewalRule(RenewalMode.AUTOMATIC, period("P1Y"), period("P3Y"), period("P3M"), null), null);
    static final ContractRegistered TORBAY_REGISTERED = new ContractRegistered(TORBAY,
            "Torbay and South Devon integrated care organisation", ContractKind.SERVICE_CONTRACT,
            List.of(new Party(TORBAY_CCG), new Party("Torbay Council")),
            List.of(new Party("Torbay and South Devon NHS Foundation Trust")), null, date("2015-10-01"), TORBAY_TERMS,
            null, null);
    static final ContractCommenced TORBAY_COMMENCED = new ContractCommenced(TORBAY, date("2015-10-01"));

    // ---- 2. Mid-Nottinghamshire alliance: awarded 2016-03-07, P3Y from 2016-04-01, one option of P7Y

    static final ContractId MID_NOTTS = ContractId.of("MIDNOTTS-ALLIANCE");
    static final ContractTerms MID_NOTTS_TERMS = new ContractTerms(date("2016-04-01"), period("P3Y"), null,
            List.of(ExtensionOption.of(period("P7Y"))), null, null);
    static final ContractRegistered MID_NOTTS_REGISTERED = new ContractRegistered(MID_NOTTS,
            "Mid-Nottinghamshire Better Together alliance agreement", ContractKind.ALLIANCE_AGREEMENT,
            List.of(new Party("Ashfield and Mansfield CCG"), new Party("Newark and Sherwood CCG"),
                    new Party("Nottinghamshire County Council")),
            List.of(new Party("Sherwood Forest Hospitals NHS Foundation Trust")), null, date("2016-03-07"),
            MID_NOTTS_TERMS, null, ProcurementRoute.MOST_CAPABLE_PROVIDER);
    static final ContractCommenced MID_NOTTS_COMMENCED = new ContractCommenced(MID_NOTTS, date("2016-04-01"));

    // ---- 3. UnitingCare: awarded 2014-10-01 from procurement UC-OPA-2013, £726m, P5Y from 2015-04-01

    static final ContractId UNITING_CARE = ContractId.of("UC-OPA");
    static final String UNITING_CARE_PARTNERSHIP = "UnitingCare Partnership";
    static final ContractTerms UNITING_CARE_TERMS = new ContractTerms(date("2015-04-01"), period("P5Y"), null,
            List.of(), null, null);
    static final ContractRegistered UNITING_CARE_REGISTERED = new ContractRegistered(UNITING_CARE,
            "Older people's and adult community services", ContractKind.SERVICE_CONTRACT,
            List.of(new Party("Cambridgeshire and Peterborough CCG")), List.of(new Party(UNITING_CARE_PARTNERSHIP)),
            Money.gbp("726000000"), date("2014-10-01"), UNITING_CARE_TERMS, ProcurementId.of("UC-OPA-2013"),
            ProcurementRoute.COMPETITIVE_DIALOGUE);
    static final ContractCommenced UNITING_CARE_COMMENCED = new ContractCommenced(UNITING_CARE, date("2015-04-01"));

    // ---- Salford-like: "initial contract for 5 years, with scope to extend for a further 5 years";
    // awarded 2016-06-01, from 2016-07-01, option notice P6M (all chosen). Initial end 2021-06-30; the option must be
    // exercised by (2021-06-30 + 1) − P6M = 2021-01-01.

    static final ContractId SALFORD = ContractId.of("SALFORD-ICO");
    static final ContractTerms SALFORD_TERMS = new ContractTerms(date("2016-07-01"), period("P5Y"), null,
            List.of(new ExtensionOption(period("P5Y"), period("P6M"))), null, null);
    static final ContractRegistered SALFORD_REGISTERED = new ContractRegistered(SALFORD,
            "Salford integrated care organisation", ContractKind.SERVICE_CONTRACT,
            List.of(new Party("Salford CCG"), new Party("Salford City Council")),
            List.of(new Party("Salford Royal NHS Foundation Trust")), null, date("2016-06-01"), SALFORD_TERMS,
            null, null);

    // ---- A section 75 pooled-budget agreement renewed annually by agreement (all chosen): awarded 2017-03-15,
    // P1Y from 2017-04-01 (ends 2018-03-31); renewals BY_AGREEMENT every P1Y, notice P3M, at most 2;
    // termination notice P3M. Renewal points 2018-04-01, 2019-04-01; maximum end 2020-03-31.

    static final ContractId POOLED_BUDGET = ContractId.of("NOTTS-S75");
    static final String COUNTY_COUNCIL = "Nottinghamshire County Council";
    static final ContractTerms POOLED_BUDGET_TERMS = new ContractTerms(date("2017-04-01"), period("P1Y"), null,
            List.of(), new RenewalRule(RenewalMode.BY_AGREEMENT, period("P1Y"), null, period("P3M"), 2),
            period("P3M"));
    static final ContractRegistered POOLED_BUDGET_REGISTERED = new ContractRegistered(POOLED_BUDGET,
            "Section 75 pooled budget for community equipment", ContractKind.SECTION_75_AGREEMENT,
            List.of(new Party(COUNTY_COUNCIL)), List.of(new Party("Nottinghamshire Healthcare NHS Foundation Trust")),
            Money.gbp("12000000"), date("2017-03-15"), POOLED_BUDGET_TERMS, null, null);

    // ---- rejections

    /** A rule violation whose stable code is {@code code}. */
    static Matcher<RuleViolation> withCode(Rejection code) {
        return new FeatureMatcher<>(equalTo(code), "a rule violation with code", "code") {
            @Override
            protected Rejection featureValueOf(RuleViolation violation) {
                return violation.code();
            }
        };
    }

    /** Nothing stored; a {@link RuleViolation} with {@code code}, its message naming every one of {@code facts}. */
    static void assertRejected(ResultValidator<Contract> result, Rejection code, String... facts) {
        if (facts.length == 0) {
            throw new IllegalArgumentException("a rejection names its facts; give at least one");
        }
        List<Matcher<? super String>> named = Arrays.stream(facts)
                .<Matcher<? super String>>map(fact -> containsString(fact)).toList();
        result.expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(withCode(code))
                .expectExceptionMessage(allOf(named));
    }
}
