package org.starlingx.stxbuild.plugin

import org.jenkinsci.plugins.workflow.cps.CpsScript

/**
 * stxBuild(project: 'starlingx', branch: 'master') { ... }: runs the body in the build scope's own
 * pod, provisioned by the kubernetes-plugin from a dynamic pod template that is removed when the
 * body ends, however it ends (success, failure, abort).
 */
class StxBuild implements Serializable {
  private static final long serialVersionUID = 1L
  private final CpsScript script

  StxBuild(CpsScript script) {
    this.script = script
  }

  def call(Map args, Closure body) {
    def template = script.stxAgentTemplate(args)
    script.podTemplate(cloud: template.cloud, namespace: template.namespace, label: template.label,
        yaml: template.yaml) {
      script.node(template.label) {
        script.container('builder') {
          script.withEnv(template.env) {
            body()
          }
        }
      }
    }
  }
}
