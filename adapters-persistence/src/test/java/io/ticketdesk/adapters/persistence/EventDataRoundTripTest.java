package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An event's data reads back as it was written, whatever its names and texts contain. */
class EventDataRoundTripTest {
  private static final String ALPHABET = "abcXYZ019-_./:&=%+ ?#äé€😀\"\t\n";

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anyDataReadsBackAsItWasWritten(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Object> data = new LinkedHashMap<>();
    int fields = random.nextInt(6);
    for (int i = 0; i < fields; i++) {
      String name = text(random, 1 + random.nextInt(8)) + i;
      data.put(
          name,
          switch (random.nextInt(3)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextBoolean();
            default -> text(random, random.nextInt(20));
          });
    }
    assertEquals(data, EventData.decode(EventData.encode(data)));
  }

  @Test
  void textsWithPlusSignsPercentSignsAndNothingToDecodeReadBack() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ticketNumber", "00100000042");
    data.put("url", "/api/v1/tickets/00100000042");
    data.put("note", "1+1 = 100% & more");
    data.put("amount", 1999L);
    data.put("internal", false);
    assertEquals(data, EventData.decode(EventData.encode(data)));
  }

  private static String text(SplittableRandom random, int length) {
    StringBuilder b = new StringBuilder();
    int[] points = ALPHABET.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      b.appendCodePoint(points[random.nextInt(points.length)]);
    }
    return b.toString();
  }
}
