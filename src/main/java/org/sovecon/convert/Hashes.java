package org.sovecon.convert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Short content hashes for minted IRIs: the same row gives the same IRI on every build. */
public final class Hashes {
  private Hashes() {}

  public static String of(List<String> parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      md.update(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
