/**
 * The Jenkins-free core of starlingx-build: build scopes and names, pod specs, repository sessions
 * (Pulp and local), build plans, scheduling, execution, images, retention and logs.
 */
package org.starlingx.stxbuild.engine;
