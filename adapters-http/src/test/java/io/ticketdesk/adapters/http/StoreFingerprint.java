package io.ticketdesk.adapters.http;

import io.ticketdesk.adapters.memory.InMemoryStore;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

/**
 * The data of an {@link InMemoryStore} as text: every map and list field (sellers, tokens, orders,
 * tickets, messages, text modules, ledger, idempotency keys, …), read by reflection so that a field
 * added later is covered too. Id sequences are left out: a refused request may draw a number.
 */
final class StoreFingerprint {
  private StoreFingerprint() {}

  static String of(InMemoryStore store) {
    StringBuilder b = new StringBuilder();
    for (Field f : InMemoryStore.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())
          || !(Map.class.isAssignableFrom(f.getType())
              || Collection.class.isAssignableFrom(f.getType()))) {
        continue;
      }
      try {
        f.setAccessible(true);
        Object value = f.get(store);
        synchronized (lockOf(store)) {
          b.append(f.getName()).append('=').append(value).append('\n');
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    b.append("outbox=").append(store.outbox()).append('\n');
    b.append("webhookEndpoints=").append(store.webhookEndpoints().all()).append('\n');
    return b.toString();
  }

  private static Object lockOf(InMemoryStore store) throws ReflectiveOperationException {
    try {
      Field lock = InMemoryStore.class.getDeclaredField("lock");
      lock.setAccessible(true);
      return lock.get(store);
    } catch (NoSuchFieldException e) {
      return store;
    }
  }
}
