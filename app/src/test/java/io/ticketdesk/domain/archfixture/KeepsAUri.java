package io.ticketdesk.domain.archfixture;

import java.net.URI;

/** A domain class holding a URI, a value: the I/O rule allows it. */
public record KeepsAUri(URI uri) {}
