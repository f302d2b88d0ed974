package org.commissioning.tracker.platform.testing;

/** Request bodies of the worked examples (EXAMPLES.md), as a client sends them. */
public final class Seeds {

    private Seeds() {
    }

    /** EXAMPLES.md section 1: Torbay and South Devon integrated care organisation. */
    public static final String TORBAY = """
            {"id": "TORBAY-ICO", "title": "Torbay and South Devon integrated care organisation",
             "kind": "SERVICE_CONTRACT",
             "commissioners": [{"name": "South Devon and Torbay CCG"}, {"name": "Torbay Council"}],
             "providers": [{"name": "Torbay and South Devon NHS Foundation Trust"}],
             "awardedOn": "2015-10-01",
             "terms": {"startDate": "2015-10-01", "initialTerm": "P5Y",
                       "renewal": {"mode": "AUTOMATIC", "interval": "P1Y", "rollingTerm": "P3Y", "noticePeriod": "P3M"}},
             "reason": "Registered from the CCG's board papers"}
            """;

    /** EXAMPLES.md section 2: Mid-Nottinghamshire Better Together alliance agreement. */
    public static final String MID_NOTTS = """
            {"id": "MIDNOTTS-ALLIANCE", "title": "Mid-Nottinghamshire Better Together alliance agreement",
             "kind": "ALLIANCE_AGREEMENT",
             "commissioners": [{"name": "Ashfield and Mansfield CCG"}, {"name": "Newark and Sherwood CCG"},
                               {"name": "Nottinghamshire County Council"}],
             "providers": [{"name": "Sherwood Forest Hospitals NHS Foundation Trust"}],
             "procurementRoute": "MOST_CAPABLE_PROVIDER",
             "awardedOn": "2016-03-07",
             "terms": {"startDate": "2016-04-01", "initialTerm": "P3Y", "extensionOptions": [{"maxLength": "P7Y"}]}}
            """;
}
