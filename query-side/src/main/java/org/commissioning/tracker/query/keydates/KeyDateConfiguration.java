package org.commissioning.tracker.query.keydates;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Keeping the horizon ahead of today is a scheduled task ({@link KeyDateHorizon#keepAhead()}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KeyDateConfiguration {
}
