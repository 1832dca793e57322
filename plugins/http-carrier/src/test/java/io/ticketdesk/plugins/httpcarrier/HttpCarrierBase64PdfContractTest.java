package io.ticketdesk.plugins.httpcarrier;

import io.ticketdesk.plugin.api.ReturnLabelRequest;

/** The carrier contract against a service that answers with base64 PDFs in JSON. */
class HttpCarrierBase64PdfContractTest extends StubbedHttpCarrierContract {

  @Override
  String path() {
    return "/json-pdf/";
  }

  @Override
  protected ReturnLabelRequest supportedRequest() {
    return sampleRequest("de", "DE", "DE");
  }
}
