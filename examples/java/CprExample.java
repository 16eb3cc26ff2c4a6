// SPDX-License-Identifier: Apache-2.0
/*
 * CPR numbers in a Java backend with dkcpr.jar: validate input, pseudonymize a list in one
 * call, wash free text.
 *
 * Compile and run against the installed jar (cmake --install puts it in share/java) or the
 * one in a build tree (build/bindings/java/dkcpr.jar); Java 17 or later:
 *
 *   javac -cp /usr/local/share/java/dkcpr.jar -d out CprExample.java
 *   DKCPR_KEY=$(cat test.key) java -cp /usr/local/share/java/dkcpr.jar:out CprExample
 *
 * or in one step: java -cp dkcpr.jar CprExample.java 070761-4285 310261-1234
 *
 * The key is 64 hexadecimal characters (dkcpr keygen -o test.key) in the environment
 * variable DKCPR_KEY; without it a fresh random key is used, so the pseudonyms differ on
 * every run and cannot be revealed later. Numbers to check may be given as arguments.
 */
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dkcpr.Cpr;
import org.dkcpr.CprException;
import org.dkcpr.Pseudonymizer;
import org.dkcpr.Washer;

public final class CprExample {
  public static void main(String[] args) {
    List<String> input = args.length > 0
        ? Arrays.asList(args)
        : List.of("070761-4285", "2911700657", "310261-1234", "300449-0931");

    // 1. Parse and validate: a CprException says why a number is rejected.
    List<String> valid = new ArrayList<>();
    for (String text : input) {
      try {
        Cpr cpr = Cpr.parse(text);
        System.out.printf("%s: valid, born %s, %s%n", text, cpr.birthDate(),
            cpr.sex().toString().toLowerCase());
        valid.add(text);
      } catch (CprException e) {
        System.out.printf("%s: invalid (%s)%n", text, e.status());
      }
    }

    String hex = System.getenv("DKCPR_KEY");
    byte[] key = hex != null ? Pseudonymizer.keyFromHex(hex) : Pseudonymizer.generateKey();
    // The pseudonymizer copies the key into native memory and wipes it there on close().
    try (Pseudonymizer p = new Pseudonymizer(key)) {
      Arrays.fill(key, (byte) 0);

      // 2. A whole list in one native call; revealAll undoes it with the same key.
      List<String> pseudonyms = p.pseudonymizeAll(valid);
      for (int i = 0; i < valid.size(); i++) {
        System.out.printf("pseudonym %s -> %s%n", valid.get(i), pseudonyms.get(i));
      }
      System.out.println("revealed " + p.revealAll(pseudonyms));

      // 3. Free text: every number replaced by its pseudonym, everything else kept.
      String note = "Borger 070761-4285 ringede om sin datter (cpr 0103952318).";
      Washer washer = Washer.builder().pseudonymizer(p).build();
      System.out.println("washed: " + washer.wash(note));
    }
  }
}
