package org.commissioning.tracker.command.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.commissioning.tracker.command.contract.Contract;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.procurement.BidRecorded;
import org.commissioning.tracker.shared.procurement.NoticePublished;
import org.commissioning.tracker.shared.procurement.ParticipationMeasure;
import org.commissioning.tracker.shared.procurement.ParticipationRecorded;
import org.commissioning.tracker.shared.procurement.ProcurementAbandoned;
import org.commissioning.tracker.shared.procurement.ProcurementAwarded;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.AbandonProcurement;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.AwardContract;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.ChooseRoute;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.EnterStage;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.PlanProcurement;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.PublishNotice;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordBid;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordParticipation;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordStandstill;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementNoticeKind;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;
import org.commissioning.tracker.shared.procurement.ProcurementStage;
import org.commissioning.tracker.shared.procurement.Regime;
import org.commissioning.tracker.shared.procurement.RouteChosen;
import org.commissioning.tracker.shared.procurement.StageEntered;
import org.commissioning.tracker.shared.procurement.StandstillRecorded;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every procurement command through the aggregate, and every rejection: nothing applied when refused. */
class ProcurementAggregateTest {

    static final ProcurementId ID = ProcurementId.of("UC-OPA-2013");
    static final ContractId CONTRACT = ContractId.of("UC-OPA");
    static final Party CCG = new Party("Cambridgeshire and Peterborough CCG");
    static final Party WINNER = new Party("UnitingCare Partnership");
    static final Money MAXIMUM = Money.gbp("752000000");
    static final ContractTerms FIVE_YEARS = new ContractTerms(date("2015-04-01"), Period.ofYears(5), null, null, null, null);

    static final ProcurementPlanned PLANNED = new ProcurementPlanned(ID, "Older people and adult community services",
            List.of(CCG), Regime.PCR2006, ProcurementRoute.COMPETITIVE_DIALOGUE, null, MAXIMUM, null, null,
            date("2013-01-01"));
    static final StageEntered FINAL_TENDERS = new StageEntered(ID, date("2014-07-01"), ProcurementStage.FINAL_TENDERS,
            ProcurementStage.PLANNING);
    static final ProcurementAwarded AWARDED = new ProcurementAwarded(ID, date("2014-10-01"), CONTRACT,
            "Older people and adult community services", ContractKind.SERVICE_CONTRACT, List.of(WINNER),
            Money.gbp("726000000"), ProcurementRoute.COMPETITIVE_DIALOGUE);
    static final ProcurementAbandoned ABANDONED = new ProcurementAbandoned(ID, date("2014-10-01"),
            ProcurementStage.FINAL_TENDERS);

    AggregateTestFixture<Procurement> fixture;
    /** Where the contracts an award creates are stored: the fixture records only the procurement's own events. */
    EventStore contracts;

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static Matcher<RuleViolation> violation(Rejection code) {
        return new CustomTypeSafeMatcher<>("a rule violation " + code.code()) {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.code() == code;
            }
        };
    }

    static AwardContract award(String contractId, String on) {
        return new AwardContract(ID, ContractId.of(contractId), date(on), List.of(WINNER), Money.gbp("726000000"),
                ContractKind.SERVICE_CONTRACT, null, FIVE_YEARS);
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Procurement.class);
        contracts = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Repository<Contract> contractRepository = EventSourcingRepository.builder(Contract.class)
                .eventStore(contracts).build();
        fixture.registerRepositoryProvider(new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                return aggregateType == Contract.class ? (Repository<T>) contractRepository : null;
            }
        });
    }

    void rejected(ResultValidator<Procurement> result, Rejection code) {
        result.expectNoEvents().expectException(violation(code));
    }

    @Test
    void planningAProcurementRecordsItsFactsAtVersionZero() {
        fixture.givenNoPriorActivity()
                .when(new PlanProcurement(ID, "Older people and adult community services", List.of(CCG),
                        Regime.PCR2006, ProcurementRoute.COMPETITIVE_DIALOGUE, null, MAXIMUM, null, null,
                        date("2013-01-01")))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectEvents(PLANNED);
    }

    @Test
    void publishingANoticeRecordsItsKindDateReferenceAndLink() {
        fixture.given(PLANNED)
                .when(new PublishNotice(ID, ProcurementNoticeKind.CONTRACT_NOTICE, date("2013-01-01"), "2013/S 001-000001",
                        "https://ted.europa.eu/udl?uri=TED:NOTICE:000001-2013"))
                .expectResultMessagePayload(1L)
                .expectEvents(new NoticePublished(ID, ProcurementNoticeKind.CONTRACT_NOTICE, date("2013-01-01"),
                        "2013/S 001-000001", "https://ted.europa.eu/udl?uri=TED:NOTICE:000001-2013"));
    }

    @Test
    void choosingTheRouteRecordsTheOneItReplaces() {
        fixture.given(PLANNED)
                .when(new ChooseRoute(ID, ProcurementRoute.COMPETITIVE_WITH_NEGOTIATION, date("2013-02-01")))
                .expectResultMessagePayload(1L)
                .expectEvents(new RouteChosen(ID, date("2013-02-01"), ProcurementRoute.COMPETITIVE_WITH_NEGOTIATION,
                        ProcurementRoute.COMPETITIVE_DIALOGUE));
    }

    @Test
    void enteringALaterStageRecordsTheStageLeft() {
        fixture.given(PLANNED)
                .when(new EnterStage(ID, ProcurementStage.EXPRESSIONS_OF_INTEREST, date("2013-01-01")))
                .expectEvents(new StageEntered(ID, date("2013-01-01"), ProcurementStage.EXPRESSIONS_OF_INTEREST,
                        ProcurementStage.PLANNING));
    }

    @Test
    void recordingParticipationRecordsTheCount() {
        fixture.given(PLANNED)
                .when(new RecordParticipation(ID, ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 60, date("2013-03-01")))
                .expectEvents(new ParticipationRecorded(ID, date("2013-03-01"),
                        ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 60, null));
    }

    @Test
    void recordingABidRecordsTheBidderAndAmount() {
        fixture.given(PLANNED, FINAL_TENDERS)
                .when(new RecordBid(ID, WINNER.name(), Money.gbp("726000000"), date("2014-07-01")))
                .expectResultMessagePayload(2L)
                .expectEvents(new BidRecorded(ID, date("2014-07-01"), WINNER.name(), Money.gbp("726000000"), null));
    }

    @Test
    void recordingAStandstillRecordsItsPeriod() {
        fixture.given(PLANNED, FINAL_TENDERS)
                .when(new RecordStandstill(ID, date("2014-09-19"), date("2014-09-30")))
                .expectEvents(new StandstillRecorded(ID, date("2014-09-19"), date("2014-09-30")));
    }

    @Test
    void awardingRecordsTheAwardAndCreatesTheContractInTheSameUnitOfWork() {
        fixture.given(PLANNED, FINAL_TENDERS)
                .when(award("UC-OPA", "2014-10-01"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L)
                .expectEvents(AWARDED);

        List<? extends DomainEventMessage<?>> created = contracts.readEvents(CONTRACT.toString()).asStream().toList();
        assertThat(created).hasSize(1);
        assertThat(created.getFirst().getSequenceNumber()).isZero();
        assertThat(created.getFirst().getPayload()).isEqualTo(new ContractRegistered(CONTRACT,
                "Older people and adult community services", ContractKind.SERVICE_CONTRACT, List.of(CCG),
                List.of(WINNER), Money.gbp("726000000"), date("2014-10-01"), FIVE_YEARS, ID,
                ProcurementRoute.COMPETITIVE_DIALOGUE));
    }

    @Test
    void abandoningRecordsTheStageItEndedIn() {
        fixture.given(PLANNED, FINAL_TENDERS)
                .when(new AbandonProcurement(ID, date("2014-10-01")))
                .expectEvents(ABANDONED);
    }

    @Nested
    class Rejections {

        @Test
        void aStageEnteredAgainOrGoneBackToIsOutOfOrder() {
            rejected(fixture.given(PLANNED, FINAL_TENDERS)
                    .when(new EnterStage(ID, ProcurementStage.DIALOGUE, date("2014-07-02"))), Rejection.STAGE_OUT_OF_ORDER);
        }

        @Test
        void aCommandDatedBeforeTheLatestEffectiveDateIsOutOfOrder() {
            rejected(fixture.given(PLANNED, FINAL_TENDERS)
                    .when(new RecordBid(ID, WINNER.name(), Money.gbp("1"), date("2014-06-30"))), Rejection.OUT_OF_ORDER);
        }

        @Test
        void sixtyOnePassingSelectionAfterSixtyExpressionsOfInterest() {
            rejected(fixture.given(PLANNED, new ParticipationRecorded(ID, date("2013-03-01"),
                            ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 60, null))
                    .when(new RecordParticipation(ID, ParticipationMeasure.PASSED_SELECTION, 61, date("2013-05-01"))),
                    Rejection.COUNT_EXCEEDS_PREVIOUS_STAGE);
        }

        @Test
        void aBidAboveTheMaximumPrice() {
            rejected(fixture.given(PLANNED, FINAL_TENDERS)
                    .when(new RecordBid(ID, "Fourth consortium", Money.gbp("760000000"), date("2014-07-01"))),
                    Rejection.BID_EXCEEDS_MAXIMUM_PRICE);
        }

        @Test
        void anAwardBeforeTheStandstillEnds() {
            rejected(fixture.given(PLANNED, new StandstillRecorded(ID, date("2014-09-19"), date("2014-09-30")))
                    .when(award("UC-OPA", "2014-09-30")), Rejection.STANDSTILL_NOT_ENDED);
            assertThat(contracts.readEvents(CONTRACT.toString()).asStream()).isEmpty();
        }

        @Test
        void anAwardWhileTheRouteIsUndecided() {
            ProcurementPlanned undecided = new ProcurementPlanned(ID, "Undecided", List.of(CCG), Regime.PCR2015,
                    ProcurementRoute.UNDECIDED, null, null, null, null, date("2013-01-01"));
            rejected(fixture.given(undecided).when(award("UC-OPA", "2014-10-01")), Rejection.ROUTE_UNDECIDED);
            assertThat(contracts.readEvents(CONTRACT.toString()).asStream()).isEmpty();
        }

        @Test
        void aSecondAward() {
            rejected(fixture.given(PLANNED, AWARDED).when(award("UC-OPA-2", "2014-10-02")), Rejection.ALREADY_AWARDED);
            assertThat(contracts.readEvents(ContractId.of("UC-OPA-2").toString()).asStream()).isEmpty();
        }

        @Test
        void anythingButAReportingNoticeAfterTheAward() {
            rejected(fixture.given(PLANNED, AWARDED)
                    .when(new EnterStage(ID, ProcurementStage.STANDSTILL, date("2014-10-02"))), Rejection.ALREADY_AWARDED);
            rejected(fixture.given(PLANNED, AWARDED)
                    .when(new PublishNotice(ID, ProcurementNoticeKind.CONTRACT_NOTICE, date("2014-10-02"), null, null)),
                    Rejection.ALREADY_AWARDED);
            fixture.given(PLANNED, AWARDED)
                    .when(new PublishNotice(ID, ProcurementNoticeKind.CONTRACT_AWARD_NOTICE, date("2014-10-20"), null, null))
                    .expectEvents(new NoticePublished(ID, ProcurementNoticeKind.CONTRACT_AWARD_NOTICE, date("2014-10-20"),
                            null, null));
            rejected(fixture.given(PLANNED, AWARDED).when(new AbandonProcurement(ID, date("2014-10-02"))),
                    Rejection.ALREADY_AWARDED);
        }

        @Test
        void anythingButATerminationNoticeAfterTheAbandonment() {
            rejected(fixture.given(PLANNED, FINAL_TENDERS, ABANDONED).when(award("UC-OPA", "2014-10-02")),
                    Rejection.PROCUREMENT_ABANDONED);
            rejected(fixture.given(PLANNED, FINAL_TENDERS, ABANDONED).when(new AbandonProcurement(ID, date("2014-10-02"))),
                    Rejection.PROCUREMENT_ABANDONED);
            rejected(fixture.given(PLANNED, FINAL_TENDERS, ABANDONED)
                    .when(new ChooseRoute(ID, ProcurementRoute.OPEN, date("2014-10-02"))), Rejection.PROCUREMENT_ABANDONED);
            fixture.given(PLANNED, FINAL_TENDERS, ABANDONED)
                    .when(new PublishNotice(ID, ProcurementNoticeKind.UK12_PROCUREMENT_TERMINATION, date("2014-10-02"),
                            null, null))
                    .expectResultMessagePayload(3L);
        }
    }
}
