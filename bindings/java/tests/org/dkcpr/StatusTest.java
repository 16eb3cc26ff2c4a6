// SPDX-License-Identifier: Apache-2.0
package org.dkcpr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.Test;

public class StatusTest {
  @Test
  public void everyStatusMirrorsTheCName() {
    for (Status s : Status.values()) {
      if (s == Status.UNKNOWN) {
        continue;
      }
      assertEquals("DKCPR_" + s.name(), Native.statusName(s.code()));
    }
  }

  @Test
  public void codesRoundTripAndUnknownCodesStayUnknown() {
    for (Status s : Status.values()) {
      if (s != Status.UNKNOWN) {
        assertSame(s, Status.of(s.code()));
      }
    }
    assertSame(Status.UNKNOWN, Status.of(-20));
    assertSame(Status.UNKNOWN, Status.of(1));
    assertEquals("DKCPR_E_UNKNOWN", Native.statusName(-1000));
  }

  @Test
  public void messagesAreDistinctAndComeFromC() {
    Set<String> seen = new HashSet<>();
    for (Status s : Status.values()) {
      if (s == Status.UNKNOWN) {
        continue;
      }
      assertFalse(s.message().isEmpty());
      assertTrue(s + " message repeated", seen.add(s.message()));
    }
    assertEquals("success", Status.OK.message());
    assertEquals("the birth date in the CPR number does not exist", Status.E_DATE.message());
  }

  @Test
  public void exceptionCarriesStatusCodeAndIndex() {
    CprException e = new CprException(-6, "x");
    assertSame(Status.E_DATE, e.status());
    assertEquals(-6, e.code());
    assertFalse(e.index().isPresent());
    CprException bulk = CprException.of(-7, 3);
    assertEquals(3, bulk.index().getAsInt());
    assertTrue(bulk.getMessage().startsWith("element 3: "));
    assertTrue(bulk instanceof IllegalArgumentException);
  }

  @Test
  public void versionAndAlgorithmComeFromTheNativeLibrary() {
    assertTrue(Dkcpr.version().matches("[0-9]+\\.[0-9]+\\.[0-9]+"));
    assertNotEquals("", Dkcpr.algorithm());
  }
}
