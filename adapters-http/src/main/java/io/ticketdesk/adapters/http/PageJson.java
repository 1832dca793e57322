package io.ticketdesk.adapters.http;

import java.util.List;

/** One page of a list; {@code nextCursor} is null on the last page. */
record PageJson<T>(List<T> items, String nextCursor) {}
