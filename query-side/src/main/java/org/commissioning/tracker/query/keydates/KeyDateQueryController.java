package org.commissioning.tracker.query.keydates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.commissioning.tracker.query.web.ReadYourWrites;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Values;
import org.commissioning.tracker.shared.keydates.FindKeyDates;
import org.commissioning.tracker.shared.keydates.KeyDateKind;
import org.commissioning.tracker.shared.keydates.KeyDatePage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/key-dates")
@Tag(name = "Key dates (read)")
public class KeyDateQueryController {

    private final QueryGateway queries;
    private final KeyDateStore store;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    KeyDateQueryController(QueryGateway queries, KeyDateStore store, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Every dated obligation in a window across the portfolio, sorted by date, then id, then kind",
            description = "Both bounds are included. daysAway counts from `from`. Computed with everything recorded so far.")
    KeyDatePage keyDates(
            @Parameter(description = "First day of the window (default today)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day of the window (default from + 90 days; at most from + 366 days)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Only these kinds (repeat the parameter or separate with commas)")
            @RequestParam(required = false) List<String> kind,
            @Parameter(description = "Only contracts with a commissioner, and procurements with a buyer, of this name (any case, otherwise exact)")
            @RequestParam(required = false) String commissioner,
            @Parameter(description = "Only contracts with a provider of this name (any case, otherwise exact); procurements have none")
            @RequestParam(required = false) String provider,
            @Parameter(description = "Only this contract")
            @RequestParam(required = false) String contractId,
            @Parameter(description = "Only this procurement")
            @RequestParam(required = false) String procurementId,
            @Parameter(description = "With contractId or procurementId: wait until the key dates reflect this version of it")
            @RequestParam(required = false) Long minVersion,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500") @RequestParam(defaultValue = "50") int size) {
        LocalDate start = from != null ? from : LocalDate.now(clock);
        LocalDate end = to != null ? to : Values.date("from", start).plusDays(FindKeyDates.DEFAULT_WINDOW_DAYS);
        FindKeyDates query = new FindKeyDates(start, end, kinds(kind), commissioner, provider, contractId,
                procurementId, page, size);
        if (minVersion != null) {
            if ((contractId == null) == (procurementId == null)) {
                throw new InvalidValueException("minVersion",
                        "needs contractId or procurementId (one of them): the version is that contract's or procurement's");
            }
            String type = contractId != null ? Subject.CONTRACT : Subject.PROCUREMENT;
            String id = contractId != null ? contractId : procurementId;
            readYourWrites.await(minVersion, () -> store.versionOf(type, id), "the key dates of " + type + " " + id);
        }
        return queries.query(query, ResponseTypes.instanceOf(KeyDatePage.class)).join();
    }

    private static Set<KeyDateKind> kinds(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<KeyDateKind> kinds = EnumSet.noneOf(KeyDateKind.class);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            try {
                kinds.add(KeyDateKind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidValueException("kind", "must be one of " + Arrays.stream(KeyDateKind.values())
                        .map(Enum::name).collect(Collectors.joining(", ")) + "; got '" + name.strip() + "'");
            }
        }
        return kinds;
    }
}
