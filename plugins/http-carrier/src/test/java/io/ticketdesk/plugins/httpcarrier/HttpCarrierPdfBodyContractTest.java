package io.ticketdesk.plugins.httpcarrier;

import io.ticketdesk.plugin.api.ReturnLabelRequest;

/**
 * The carrier contract against a service that answers with PDF bodies with an X-Tracking-Number
 * header.
 */
class HttpCarrierPdfBodyContractTest extends StubbedHttpCarrierContract {

  @Override
  String path() {
    return "/pdf/";
  }

  @Override
  protected ReturnLabelRequest supportedRequest() {
    return sampleRequest("at", "AT", "DE");
  }
}
