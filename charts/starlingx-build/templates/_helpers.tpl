{{/* Names and labels shared by every object of this chart. */}}
{{- define "stx.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{- define "stx.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "stx.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "stx.pulpSettings" -}}
CONTENT_ORIGIN = "http://{{ include "stx.fullname" . }}-pulp-content.{{ .Release.Namespace }}.svc:24816"
ANALYTICS = False
ALLOWED_CONTENT_CHECKSUMS = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "{{ if .Values.postgresql.enabled }}{{ include "stx.fullname" . }}-postgresql{{ else }}{{ .Values.postgresql.external.host }}{{ end }}",
        "PORT": {{ if .Values.postgresql.enabled }}5432{{ else }}{{ .Values.postgresql.external.port }}{{ end }},
        "NAME": "{{ .Values.postgresql.external.database }}",
        "USER": "{{ .Values.postgresql.external.user }}",
        "PASSWORD": open("/etc/pulp/db-password/password").read().strip(),
    }
}
{{ .Values.pulp.extraSettings }}
{{- end -}}
