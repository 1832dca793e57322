package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import java.util.Map;

/** The client's {@code Idempotency-Key}: 1 to 200 visible ASCII characters. */
public record IdempotencyKey(String value) {
  public static final int MAX_LENGTH = 200;

  public IdempotencyKey {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !visibleAscii(value)) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "Idempotency-Key must be 1 to " + MAX_LENGTH + " visible ASCII characters",
          Map.of("field", "Idempotency-Key"));
    }
  }

  public static IdempotencyKey of(String value) {
    return new IdempotencyKey(value);
  }

  private static boolean visibleAscii(String s) {
    return s.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
  }
}
