package org.commissioning.tracker.shared;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money, to the penny, in an ISO 4217 currency; the amount is a string in JSON, as API.md gives it, so that
 * no client reads it as a binary floating-point number: {@code {"amount": "726000000.00", "currency": "GBP"}}.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000"); // £1,000 trillion: nothing real is near

    public Money {
        Values.required("amount", amount);
        Values.required("currency", currency);
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("amount", "must have at most two decimal places; got " + amount.toPlainString());
        }
        if (amount.abs().compareTo(LIMIT) >= 0) {
            throw new InvalidValueException("amount", "is out of range; got " + amount.toPlainString());
        }
        try {
            currency = Currency.getInstance(currency).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "must be an ISO 4217 code such as GBP; got '" + currency + "'");
        }
        amount = amount.setScale(2);
    }

    public static Money gbp(String amount) {
        return new Money(new BigDecimal(amount), "GBP");
    }

    /** Not a property: JSON carries only the amount and the currency (an "is" method is a getter to Jackson). */
    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) > 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new InvalidValueException("currency", "must be " + currency + " like the amount it is compared with; got " + other.currency);
        }
    }

    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }
}
