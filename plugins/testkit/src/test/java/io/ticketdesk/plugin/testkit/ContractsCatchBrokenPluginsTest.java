package io.ticketdesk.plugin.testkit;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.ticketdesk.plugin.api.DefaultTextModule;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import io.ticketdesk.plugin.api.TextModuleSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the contracts against well-behaved and broken plugins: the contracts pass the good ones and
 * fail the broken ones on exactly the rule they break. (The nested classes are not run by Surefire
 * on their own: it skips nested classes.)
 */
class ContractsCatchBrokenPluginsTest {

  /** The names of the failed tests and how many tests ran, after running {@code testClass}. */
  record Outcome(Set<String> failed, int run) {}

  static Outcome run(Class<?> testClass) {
    Set<String> failed = ConcurrentHashMap.newKeySet();
    AtomicLong run = new AtomicLong();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
              if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failed.add("container " + id.getDisplayName());
              }
              return;
            }
            run.incrementAndGet();
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
              failed.add(id.getLegacyReportingName());
            }
          }
        });
    return new Outcome(new TreeSet<>(failed), (int) run.get());
  }

  // --- return-label carriers ---------------------------------------------------------------

  /** A small carrier that keeps the contract; the broken ones below change one thing each. */
  static class GoodCarrier implements ReturnLabelProvider {
    private final AtomicLong serial = new AtomicLong();

    @Override
    public String carrier() {
      return "good-carrier";
    }

    @Override
    public boolean supports(String storefront, String fromCountry, String toCountry) {
      return !"it".equals(storefront);
    }

    String trackingNumber() {
      return "GC" + serial.incrementAndGet();
    }

    @Override
    public ReturnLabel createLabel(ReturnLabelRequest request) {
      requireNonNull(request, "request is null");
      String tracking = trackingNumber();
      return ReturnLabel.ofPdf(carrier(), tracking, SamplePdf.showing(tracking));
    }
  }

  abstract static class CarrierContract extends ReturnLabelProviderContract {
    abstract ReturnLabelProvider carrier();

    @Override
    protected ReturnLabelProvider provider() {
      return carrier();
    }

    @Override
    protected ReturnLabelRequest supportedRequest() {
      return sampleRequest("de", "AT", "DE");
    }

    @Override
    protected Duration callBudget() {
      return Duration.ofMillis(500);
    }
  }

  static class GoodCarrierContract extends CarrierContract {
    @Override
    ReturnLabelProvider carrier() {
      return new GoodCarrier();
    }
  }

  static class UrlCarrierContract extends CarrierContract {
    @Override
    ReturnLabelProvider carrier() {
      return new GoodCarrier() {
        @Override
        public ReturnLabel createLabel(ReturnLabelRequest request) {
          requireNonNull(request, "request is null");
          String tracking = trackingNumber();
          return ReturnLabel.ofUrl(carrier(), tracking, "https://labels.example/" + tracking);
        }
      };
    }
  }

  static class AcceptsNullContract extends CarrierContract {
    @Override
    ReturnLabelProvider carrier() {
      return new GoodCarrier() {
        @Override
        public ReturnLabel createLabel(ReturnLabelRequest request) {
          return ReturnLabel.ofPdf(carrier(), trackingNumber(), SamplePdf.showing("x"));
        }
      };
    }
  }

  static class HelpfulNpeOnlyContract extends CarrierContract {
    @Override
    ReturnLabelProvider carrier() {
      return new GoodCarrier() {
        @Override
        public ReturnLabel createLabel(ReturnLabelRequest request) {
          String ticket = request.ticketNumber(); // the JDK's NPE, nobody checked
          return ReturnLabel.ofPdf(carrier(), trackingNumber(), SamplePdf.showing(ticket));
        }
      };
    }
  }

  static class RepeatsTrackingNumbersContract extends CarrierContract {
    @Override
    ReturnLabelProvider carrier() {
      return new GoodCarrier() {
        @Override
        String trackingNumber() {
          return "GC1";
        }
      };
    }
  }

  static class SlowCarrierContract extends CarrierContract {
    @Override
    ReturnLabelProvider carrier() {
      return new GoodCarrier() {
        @Override
        public ReturnLabel createLabel(ReturnLabelRequest request) {
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return super.createLabel(request);
        }
      };
    }
  }

  static class GarbagePdfContract extends CarrierContract {
    @Override
    ReturnLabelProvider carrier() {
      return new GoodCarrier() {
        @Override
        public ReturnLabel createLabel(ReturnLabelRequest request) {
          requireNonNull(request, "request is null");
          return ReturnLabel.ofPdf(carrier(), trackingNumber(), "%PDF-1.7 label".getBytes());
        }
      };
    }
  }

  static class UnstableNameContract extends CarrierContract {
    private static final AtomicLong INSTANCES = new AtomicLong();

    @Override
    ReturnLabelProvider carrier() {
      String name = "carrier-" + INSTANCES.incrementAndGet();
      return new GoodCarrier() {
        @Override
        public String carrier() {
          return name;
        }
      };
    }
  }

  static class UnsupportedRequestContract extends CarrierContract {
    @Override
    protected ReturnLabelRequest supportedRequest() {
      return sampleRequest("it", "IT", "DE");
    }

    @Override
    ReturnLabelProvider carrier() {
      return new GoodCarrier();
    }
  }

  @Test
  void a_carrier_that_keeps_the_contract_passes_every_test() {
    assertEquals(new Outcome(Set.of(), 6), run(GoodCarrierContract.class));
    assertEquals(new Outcome(Set.of(), 6), run(UrlCarrierContract.class));
  }

  @Test
  void each_broken_carrier_fails_the_rule_it_breaks() {
    assertEquals(
        Set.of("a_null_request_is_refused_clearly()"), run(AcceptsNullContract.class).failed());
    assertEquals(
        Set.of("a_null_request_is_refused_clearly()"), run(HelpfulNpeOnlyContract.class).failed());
    assertEquals(
        Set.of("two_labels_get_different_tracking_numbers()", "labels_can_be_made_concurrently()"),
        run(RepeatsTrackingNumbersContract.class).failed());
    assertEquals(
        Set.of(
            "a_label_for_a_supported_request_is_acceptable_to_the_host()",
            "two_labels_get_different_tracking_numbers()",
            "labels_can_be_made_concurrently()",
            // It sleeps before it looks at the request.
            "a_null_request_is_refused_clearly()"),
        run(SlowCarrierContract.class).failed());
    assertEquals(
        Set.of(
            "a_label_for_a_supported_request_is_acceptable_to_the_host()",
            "labels_can_be_made_concurrently()"),
        run(GarbagePdfContract.class).failed());
    assertEquals(
        Set.of("the_carrier_name_is_non_blank_valid_and_stable()"),
        run(UnstableNameContract.class).failed());
    assertEquals(
        Set.of("supports_the_supported_request_and_answers_consistently()"),
        run(UnsupportedRequestContract.class).failed());
  }

  // --- text-module sets --------------------------------------------------------------------

  abstract static class SetsContract extends TextModuleSetContract {
    abstract List<TextModuleSet> sets();

    @Override
    protected List<TextModuleSet> textModuleSets() {
      return sets();
    }
  }

  static final Function<String, DefaultTextModule> MODULE =
      body -> new DefaultTextModule("return-label", "Rücksendung", body, "prepaid_label");

  static class GoodSetsContract extends SetsContract {
    @Override
    List<TextModuleSet> sets() {
      return List.of(
          new TextModuleSet("de", "de-DE", List.of(MODULE.apply("Hallo {{returnLabel.url}}"))),
          new TextModuleSet("at", "de-AT", List.of(MODULE.apply("Servus {{returnLabel.url}}"))));
    }
  }

  static class BrokenSetsContract extends SetsContract {
    @Override
    List<TextModuleSet> sets() {
      return List.of(
          new TextModuleSet("de", "de-DE", List.of(MODULE.apply("Hallo {{buyer.firstName}}"))),
          new TextModuleSet("at", "de-DE", List.of(MODULE.apply("Servus"), MODULE.apply("Hi"))),
          new TextModuleSet("at", "de-DE", List.of(MODULE.apply("Servus"))));
    }
  }

  @Test
  void text_module_sets_that_keep_the_contract_pass_every_test() {
    // 2 plain tests + 5 rules x 2 sets.
    assertEquals(new Outcome(Set.of(), 12), run(GoodSetsContract.class));
  }

  @Test
  void broken_text_module_sets_fail_the_rules_they_break_naming_the_set() {
    assertEquals(
        Set.of(
            "each_storefront_and_locale_has_one_set()",
            "the_storefront_is_known_and_the_locale_matches_its_country()[2]",
            "the_storefront_is_known_and_the_locale_matches_its_country()[3]",
            "keys_are_well_formed_and_unique()[2]",
            "bodies_are_short_and_use_only_known_placeholders()[1]"),
        run(BrokenSetsContract.class).failed());
  }
}
