package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModule;
import io.ticketdesk.domain.TextModuleBody;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.TextModuleReturnOption;
import io.ticketdesk.domain.Validation;
import java.util.List;

/** Use case: a seller keeps its text modules per sales channel (create, read, change, delete). */
public interface ManageTextModulesUseCase {
  int MAX_PER_PAGE = 100;

  TextModule create(Actor actor, Draft draft);

  /** Copies a (default) module into the seller's own, under a new name if given. */
  TextModule copy(Actor actor, TextModuleId source, String newName);

  TextModule get(Actor actor, TextModuleId id);

  Page list(Actor actor, Storefront storefront, Integer limit, String cursor);

  TextModule update(Actor actor, TextModuleId id, Draft draft, Long expectedVersion);

  void delete(Actor actor, TextModuleId id, Long expectedVersion);

  /**
   * A module's content; {@code locale} null means the storefront's locale; {@code returnOption}
   * (nullable) is attached when the module is sent — a {@code prepaid_label} names a loaded
   * carrier.
   */
  record Draft(
      Storefront storefront,
      String locale,
      String name,
      TextModuleBody body,
      TextModuleReturnOption returnOption) {
    public Draft {
      Validation.required(storefront, "storefront");
      Validation.requiredText(name, "name", TextModule.MAX_NAME_LENGTH);
      Validation.required(body, "body");
      locale = TextModule.localeTag(locale, storefront);
    }

    /** A draft without a return option. */
    public Draft(Storefront storefront, String locale, String name, TextModuleBody body) {
      this(storefront, locale, name, body, null);
    }
  }

  /** One page of modules; {@code nextCursor} is null on the last page. */
  record Page(List<TextModule> items, String nextCursor) {}
}
