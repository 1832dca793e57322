-- The return-option scan reads only the open tickets that may owe an option-carrying answer
-- (ReturnOptionPolicy.mayOweOptionAnswer: a return request for a refund or without a stated intent,
-- not answered yet or marked since), in deadline order (JdbiTickets.openReturnRequestsDue), instead
-- of every overdue open ticket each poll (675,377 of 700,885 open tickets at ten million).
-- The predicate is the query's, literal for literal, so the planner proves the index serves it.
CREATE INDEX tickets_open_return_requests_idx ON tickets (response_due_at, ticket_number)
  WHERE status = 'open' AND reason = 'product_return'
    AND (return_intent IS NULL OR return_intent = 'refund')
    AND (first_response_at IS NULL OR return_option_due_at IS NOT NULL);
