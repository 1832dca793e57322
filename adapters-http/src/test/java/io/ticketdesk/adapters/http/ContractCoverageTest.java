package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every operation of openapi.yaml has had at least one success response checked against the
 * contract by the HTTP tests of this run ({@link ContractValidator#CHECKED}), so a new route cannot
 * be added without a test that reads its responses through the contract. It runs after every other
 * class of the module ({@code junit-platform.properties} orders classes by {@link Order}); run
 * alone it has nothing to judge and is skipped.
 */
@Order(Integer.MAX_VALUE)
class ContractCoverageTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

  @Test
  void everyOperationOfTheContractHadASuccessResponseCheckedAgainstIt() {
    Set<String> checked = ContractValidator.CHECKED;
    Assumptions.assumeTrue(
        checked.size() > 50,
        "only "
            + checked.size()
            + " responses checked: run the whole adapters-http test suite to judge coverage");
    List<String> uncovered = new ArrayList<>();
    Map<String, String> report = new TreeMap<>();
    int documented = 0;
    int seen = 0;
    JsonNode paths = ContractValidator.SPEC.path("paths");
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String operation = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        boolean success = false;
        List<String> missing = new ArrayList<>();
        for (Iterator<String> s = op.getValue().path("responses").fieldNames(); s.hasNext(); ) {
          String status = s.next();
          documented++;
          if (checked.contains(operation + " " + status)) {
            seen++;
            success |= status.startsWith("2") || status.startsWith("3");
          } else {
            missing.add(status);
          }
        }
        if (!success) {
          uncovered.add(operation);
        }
        report.put(operation, missing.isEmpty() ? "all" : "never seen: " + missing);
      }
    }
    System.out.printf(
        "Contract coverage: %d operations, %d of %d documented (operation, status) pairs seen%n",
        report.size(), seen, documented);
    report.forEach((op, line) -> System.out.println("  " + op + ": " + line));
    assertEquals(
        List.of(),
        uncovered,
        "operations of openapi.yaml whose success response no HTTP test checked against it");
  }
}
