package org.commissioning.tracker.shared.contract;

public enum ContractKind {
    SERVICE_CONTRACT,
    ALLIANCE_AGREEMENT,
    SECTION_75_AGREEMENT,
    RISK_SHARE_AGREEMENT,
    PRIME_CONTRACT,
    FRAMEWORK,
    OTHER
}
