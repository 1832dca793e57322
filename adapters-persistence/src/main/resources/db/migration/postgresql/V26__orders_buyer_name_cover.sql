-- Every list page and every ticket carries its buyers' names (Orders.buyerNames: one statement per
-- seller on the page, `order_number = ANY(...)`). Through the primary key that read fetched one
-- heap page per order, 50 random reads for an inbox page; with the name in the index it is an
-- index-only scan (orders are written once by the marketplace's feed and rarely after, so the
-- visibility map stays set).
CREATE INDEX orders_buyer_name_cover_idx ON orders (seller_id, order_number) INCLUDE (buyer_name);
