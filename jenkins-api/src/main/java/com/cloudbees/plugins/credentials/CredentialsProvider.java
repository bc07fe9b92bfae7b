package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Compile-only declaration: only the current (non-deprecated) static lookups. The superclass
 * (Descriptor of CredentialsProvider) is omitted since the plugin uses no instance member.
 */
public abstract class CredentialsProvider {
  private CredentialsProvider() {}

  @SuppressWarnings("rawtypes")
  public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(
      Class<C> type,
      ItemGroup itemGroup,
      Authentication authentication,
      List<DomainRequirement> domainRequirements) {
    throw new UnsupportedOperationException("compile-only");
  }

  public static <C extends Credentials> List<C> lookupCredentialsInItem(
      Class<C> type,
      Item item,
      Authentication authentication,
      List<DomainRequirement> domainRequirements) {
    throw new UnsupportedOperationException("compile-only");
  }

  public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(
      Class<C> type,
      Item item,
      Authentication authentication,
      List<DomainRequirement> domainRequirements,
      CredentialsMatcher matcher) {
    throw new UnsupportedOperationException("compile-only");
  }

  public static <C extends IdCredentials> C findCredentialById(
      String id, Class<C> type, Run<?, ?> run) {
    throw new UnsupportedOperationException("compile-only");
  }

  public static <C extends IdCredentials> C findCredentialById(
      String id, Class<C> type, Run<?, ?> run, List<DomainRequirement> domainRequirements) {
    throw new UnsupportedOperationException("compile-only");
  }
}
