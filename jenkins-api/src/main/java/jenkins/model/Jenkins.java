package jenkins.model;

import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.slaves.Cloud;

/** Compile-only declaration. */
public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled {
  public static final Permission ADMINISTER = null;

  private Jenkins() {}

  public static Jenkins get() throws IllegalStateException {
    throw new UnsupportedOperationException("compile-only");
  }

  public static Jenkins getInstanceOrNull() {
    throw new UnsupportedOperationException("compile-only");
  }

  @SuppressWarnings("rawtypes")
  public Descriptor getDescriptor(Class<? extends Describable> type) {
    throw new UnsupportedOperationException("compile-only");
  }

  public Cloud getCloud(String name) {
    throw new UnsupportedOperationException("compile-only");
  }
}
