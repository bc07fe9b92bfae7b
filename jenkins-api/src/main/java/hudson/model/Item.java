package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Compile-only declaration. */
public interface Item extends AccessControlled {
  Permission CONFIGURE = null;

  Permission EXTENDED_READ = null;

  String getFullName();
}
