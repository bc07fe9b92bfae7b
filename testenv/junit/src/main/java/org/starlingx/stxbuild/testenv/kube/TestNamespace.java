package org.starlingx.stxbuild.testenv.kube;

/** The namespace a test owns on the testenv cluster; deleted with everything in it afterwards. */
public record TestNamespace(String name) {}
