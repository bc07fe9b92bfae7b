/** The Jenkins plugin: a thin adapter that turns Jenkins input into engine calls. */
package org.starlingx.stxbuild.jenkins;
