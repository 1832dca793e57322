package io.ticketdesk.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Small checks shared by the value objects; every failure is a {@link ErrorCode#VALIDATION}. */
public final class Validation {
  private Validation() {}

  public static DomainException invalid(String message) {
    return new DomainException(ErrorCode.VALIDATION, message);
  }

  public static <T> T required(T value, String field) {
    if (value == null) {
      throw invalid(field + " is required");
    }
    return value;
  }

  public static String requiredText(String value, String field, int maxLength) {
    required(value, field);
    if (value.isBlank()) {
      throw invalid(field + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw invalid(field + " must be at most " + maxLength + " characters");
    }
    return value;
  }

  /** Parses a snake_case wire value of an enum, listing the valid values on failure. */
  public static <E extends Enum<E>> E parseEnum(
      Class<E> type, String value, String field, Function<E, String> wire) {
    if (value == null) {
      throw invalid(field + " is required");
    }
    for (E e : type.getEnumConstants()) {
      if (wire.apply(e).equals(value)) {
        return e;
      }
    }
    String[] valid = Arrays.stream(type.getEnumConstants()).map(wire).toArray(String[]::new);
    throw new DomainException(
        ErrorCode.VALIDATION,
        "unknown " + field + " '" + value + "'; valid values: " + String.join(", ", valid),
        java.util.Map.of("field", field, "validValues", java.util.List.of(valid)));
  }

  public static String snake(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
