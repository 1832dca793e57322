package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast instant text is the one ISO_INSTANT writes, for every instant. */
class IsoInstantSerializerTest {
  private static final long MIN = Instant.MIN.getEpochSecond();
  private static final long MAX = Instant.MAX.getEpochSecond();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999999999Z",
        "2026-02-01T00:00:00Z",
        "2026-11-27T22:46:10.5Z",
        "2026-11-27T22:46:10.123456Z",
        "2026-11-27T22:46:10.000001Z",
        "2026-11-27T22:46:10.000000001Z",
        "2028-02-29T12:00:00.010Z",
        "1000-01-01T00:00:00Z",
        "0999-12-31T23:59:59Z",
        "9999-12-31T23:59:59.999999999Z",
        "+10000-01-01T00:00:00Z",
        "-0001-06-15T08:30:00Z"
      })
  void edgesAsIsoInstant(String text) {
    Instant instant = Instant.parse(text);
    assertEquals(
        DateTimeFormatter.ISO_INSTANT.format(instant), IsoInstantSerializer.format(instant));
  }

  @Test
  void extremes() {
    for (Instant instant : new Instant[] {Instant.MIN, Instant.MAX, Instant.EPOCH}) {
      assertEquals(
          DateTimeFormatter.ISO_INSTANT.format(instant), IsoInstantSerializer.format(instant));
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /** Each seed: 500 instants in the usual range (1970–2100) and 500 anywhere an Instant goes. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomInstantsAsIsoInstant(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 1000; i++) {
      long second = i % 2 == 0 ? random.nextLong(0, 4_102_444_800L) : random.nextLong(MIN, MAX + 1);
      int nano =
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(second, nano);
      assertEquals(
          DateTimeFormatter.ISO_INSTANT.format(instant),
          IsoInstantSerializer.format(instant),
          () -> "seed " + seed + ": " + second + "s " + nano + "ns");
    }
  }

  @Test
  void theMapperWritesInstantsThisWay() {
    record Stamped(Instant at, Instant none) {}
    Instant at = Instant.parse("2026-11-27T22:46:10.123456Z");
    assertEquals(
        "{\"at\":\"2026-11-27T22:46:10.123456Z\",\"none\":null}",
        new String(Json.write(new Stamped(at, null)), StandardCharsets.UTF_8));
  }
}
