package org.starlingx.stxbuild.engine.pods;

/** An object the API server refused, with the server's own message. */
public record RefusedObject(String kind, String name, int code, String message) {
  @Override
  public String toString() {
    return kind + " " + name + " (HTTP " + code + "): " + message;
  }
}
