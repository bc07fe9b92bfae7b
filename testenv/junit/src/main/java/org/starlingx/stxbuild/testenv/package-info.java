/** JUnit 5 support that hands integration tests the real services started by testenv/. */
package org.starlingx.stxbuild.testenv;
