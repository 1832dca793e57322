package io.ticketdesk.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Small checks shared by the value objects; every failure is a {@link ErrorCode#VALIDATION}. */
public final class Validation {
  private Validation() {}

  /**
   * The largest integer every JSON reader reads exactly: 2^53 - 1 (JavaScript's {@code
   * Number.MAX_SAFE_INTEGER}). Ids and money amounts are capped at it, far above any real id or
   * price, so a client whose numbers are doubles never reads a changed value.
   */
  public static final long MAX_EXACT_INTEGER = (1L << 53) - 1;

  /** An id: from 1 to {@link #MAX_EXACT_INTEGER}; {@code name} is how a refusal calls it. */
  public static long id(long value, String name) {
    if (value < 1 || value > MAX_EXACT_INTEGER) {
      throw invalid(name + " must be a positive number of at most " + MAX_EXACT_INTEGER);
    }
    return value;
  }

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
    // Rows and requests parse enums all the time: the wire values are looked up, not recomputed.
    // The wire function of a type is a pure function of the constant, so the first one is kept.
    Object found = byWire(type, wire).get(value);
    if (found != null) {
      return type.cast(found);
    }
    String[] valid = Arrays.stream(type.getEnumConstants()).map(wire).toArray(String[]::new);
    throw new DomainException(
        ErrorCode.VALIDATION,
        "unknown " + field + " '" + value + "'; valid values: " + String.join(", ", valid),
        Map.of("field", field, "validValues", java.util.List.of(valid)));
  }

  public static String snake(Enum<?> e) {
    return SNAKE.get(e.getDeclaringClass())[e.ordinal()];
  }

  private static final ClassValue<String[]> SNAKE =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          Object[] constants = type.getEnumConstants();
          String[] names = new String[constants.length];
          for (int i = 0; i < constants.length; i++) {
            names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
          }
          return names;
        }
      };

  private static final ConcurrentHashMap<Class<?>, Map<String, Object>> BY_WIRE =
      new ConcurrentHashMap<>();

  /** Wire value → constant of an enum type, built once per type. */
  private static <E extends Enum<E>> Map<String, Object> byWire(
      Class<E> type, Function<E, String> wire) {
    return BY_WIRE.computeIfAbsent(
        type,
        t -> {
          Map<String, Object> built = new HashMap<>();
          for (E e : type.getEnumConstants()) {
            built.put(wire.apply(e), e);
          }
          return Map.copyOf(built);
        });
  }
}
