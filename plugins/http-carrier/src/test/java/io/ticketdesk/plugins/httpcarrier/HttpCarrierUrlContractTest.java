package io.ticketdesk.plugins.httpcarrier;

import io.ticketdesk.plugin.api.ReturnLabelRequest;

/** The carrier contract against a service that answers with label URLs in JSON. */
class HttpCarrierUrlContractTest extends StubbedHttpCarrierContract {

  @Override
  String path() {
    return "/url/";
  }

  @Override
  protected ReturnLabelRequest supportedRequest() {
    return HttpReturnLabelProviderTest.request();
  }
}
