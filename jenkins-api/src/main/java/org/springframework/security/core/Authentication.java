package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;

/**
 * Compile-only declaration (type only) of the Spring Security interface Jenkins and the credentials
 * plugin use in their signatures. Jenkins bundles spring-security-core at runtime.
 */
public interface Authentication extends Principal, Serializable {}
