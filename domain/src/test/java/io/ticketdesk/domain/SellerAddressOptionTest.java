package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A seller_address option may give the address itself; the 40 EUR rule holds all the same. */
class SellerAddressOptionTest {
  static final ReturnAddress LEIPZIG =
      new ReturnAddress("Fahrrad Franz Retouren", "Lagerweg 5", "04109", "Leipzig", "DE");

  @Test
  void aSellerAddressOptionCarriesTheAddressItGives() {
    ReturnOption o = new ReturnOption(ReturnOptionType.SELLER_ADDRESS, null, null, null, LEIPZIG);
    assertEquals(LEIPZIG, o.address());
    assertEquals(null, ReturnOption.of(ReturnOptionType.SELLER_ADDRESS).address());
  }

  @Test
  void onlyASellerAddressOptionGivesAnAddress() {
    for (ReturnOptionType type :
        List.of(ReturnOptionType.LABEL_IN_PACKAGE, ReturnOptionType.REFUND_WITHOUT_RETURN)) {
      DomainException e =
          refused(ErrorCode.VALIDATION, () -> new ReturnOption(type, null, null, null, LEIPZIG));
      assertEquals("address", e.details().get("field"));
    }
  }

  @Test
  void aMalformedAddressIsRefusedAsTheOneOnFileIs() {
    refused(
        ErrorCode.VALIDATION,
        () -> new ReturnAddress("Retouren", "Lagerweg 5", "04109", "Leipzig", "Germany"));
    refused(
        ErrorCode.VALIDATION, () -> new ReturnAddress("Retouren", " ", "04109", "Leipzig", "DE"));
    refused(
        ErrorCode.VALIDATION,
        () -> new ReturnAddress("Retouren", "Lagerweg 5", "0".repeat(21), "Leipzig", "DE"));
  }

  @Test
  void aGivenAddressDoesNotLiftThe40EuroLimit() {
    ReturnOffer offer =
        new ReturnOffer(
            List.of(new ReturnOption(ReturnOptionType.SELLER_ADDRESS, null, null, null, LEIPZIG)),
            null);
    ReturnOptionPolicy.Assessment cheap =
        ReturnOptionPolicyTest.assess(
            Storefront.DE, 4_000, Duration.ofDays(3), null, ReturnOptionPolicyTest.ENFORCED);
    cheap.checkOffered(offer);
    assertEquals(ReturnOptionPolicy.Verdict.SATISFIED, cheap.judge(offer));
    ReturnOptionPolicy.Assessment dear =
        ReturnOptionPolicyTest.assess(
            Storefront.DE, 4_001, Duration.ofDays(3), null, ReturnOptionPolicyTest.ENFORCED);
    refused(ErrorCode.RETURN_OPTION_INVALID, () -> dear.checkOffered(offer));
  }
}
