package io.ticketdesk.benchmarks;

import java.util.List;

/**
 * The application's tables the generator fills, in foreign-key order, with the columns the
 * persistence adapter writes (same names, same order as its INSERT statements).
 */
enum Table {
  SELLERS(
      "sellers",
      "seller_id",
      "name",
      "storefronts",
      "return_name",
      "return_street",
      "return_postal_code",
      "return_city",
      "return_country",
      "created_at"),
  ORDERS(
      "orders",
      "seller_id",
      "order_number",
      "storefront",
      "buyer_id",
      "buyer_name",
      "buyer_email",
      "ordered_at"),
  ORDER_UNITS(
      "order_units",
      "seller_id",
      "order_unit_id",
      "order_number",
      "pos",
      "title",
      "ean",
      "price_amount",
      "price_currency",
      "state",
      "delivered_at"),
  TICKETS(
      "tickets",
      "seller_id",
      "ticket_number",
      "buyer_id",
      "storefront",
      "order_number",
      "reason",
      "topic",
      "return_intent",
      "status",
      "waiting_on",
      "closed_finally",
      "created_at",
      "updated_at",
      "open_since",
      "response_due_at",
      "first_response_at",
      "first_response_due_at",
      "first_response_working_micros",
      "version"),
  TICKET_UNITS("ticket_units", "seller_id", "ticket_number", "pos", "order_unit_id"),
  MESSAGES(
      "messages",
      "seller_id",
      "message_id",
      "ticket_number",
      "author_role",
      "text",
      "internal",
      "created_at"),
  ACCESS_TOKENS(
      "access_tokens", "token_hash", "role", "seller_id", "buyer_id", "label", "created_at");

  final String sqlName;
  final List<String> columns;

  Table(String sqlName, String... columns) {
    this.sqlName = sqlName;
    this.columns = List.of(columns);
  }

  String columnList() {
    return String.join(", ", columns);
  }

  String insertSql() {
    return "INSERT INTO "
        + sqlName
        + " ("
        + columnList()
        + ") VALUES ("
        + String.join(", ", columns.stream().map(c -> "?").toList())
        + ")";
  }
}
