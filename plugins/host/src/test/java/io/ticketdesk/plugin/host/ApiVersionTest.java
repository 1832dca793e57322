package io.ticketdesk.plugin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

  private final ApiVersion host = ApiVersion.parse("1.3");

  @Test
  void a_host_accepts_the_same_major_with_the_same_or_an_older_minor() {
    assertTrue(host.accepts(ApiVersion.parse("1.0")));
    assertTrue(host.accepts(ApiVersion.parse("1.3")));
  }

  @Test
  void a_host_rejects_a_newer_minor_and_any_other_major() {
    assertFalse(host.accepts(ApiVersion.parse("1.4")));
    assertFalse(host.accepts(ApiVersion.parse("2.0")));
    assertFalse(host.accepts(ApiVersion.parse("0.9")));
  }

  @Test
  void this_host_loads_plugins_built_against_every_earlier_1_x_spi() {
    ApiVersion self = ApiVersion.parse(PluginHost.API_VERSION);
    assertEquals(1, self.major());
    for (int minor = 0; minor <= self.minor(); minor++) {
      assertTrue(self.accepts(ApiVersion.parse("1." + minor)), "1." + minor);
    }
  }

  @Test
  void only_major_dot_minor_parses() {
    assertEquals(new ApiVersion(10, 2), ApiVersion.parse("10.2"));
    for (String bad : new String[] {"1", "1.0.0", "v1.0", "01.0", "1.x", "", " 1.0"}) {
      assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse(bad), bad);
    }
  }
}
